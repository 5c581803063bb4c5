/* The incremental cache: a translation unit whose inputs are unchanged (its source and every file
 * it includes, its compiler arguments, viewcheck's version, the models) is not parsed again; its
 * lowered IR comes from the results database. */
#ifndef VC_CACHE_H
#define VC_CACHE_H

#include "compdb.h"
#include "models.h"
#include "store.h"
#include "strmap.h"
#include "unit.h"

typedef struct {
    vc_store *store;
    char *models_hash;
    int hits, misses;
} vc_cache;

void cache_init(vc_cache *c, vc_store *store, const vc_model_set *models);
void cache_free(vc_cache *c);
/* The key of a job: its file, directory, arguments, the version and the models. */
char *cache_key(const vc_cache *c, const vc_job *job);
/* The cached unit of a job when every file it read is unchanged, else NULL. Units from here and
 * from cache_store carry their inputs (unit_set_inputs) for the incremental whole program. */
vc_unit *cache_lookup(vc_cache *c, const vc_job *job);
/* Keeps a freshly lowered unit for the next run. */
void cache_store(vc_cache *c, const vc_job *job, vc_unit *u);
/* The whole program's key: every job's key and `analysis` (the options that shape findings). */
char *cache_program_key(const vc_cache *c, const vc_jobs *jobs, const char *analysis);
/* The stored run whose findings stand for the program `key` when every file its units read is
 * unchanged (-1 when none). */
long long cache_program_lookup(vc_cache *c, const char *key);
/* Keeps the program's key and its units' files for the next run. */
void cache_program_store(vc_cache *c, const char *key, vc_unit *const *units, int nunits);

#endif
