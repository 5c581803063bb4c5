#include "cache.h"

#include "unit_io.h"
#include "util.h"

#include <stdlib.h>
#include <string.h>

#ifndef VIEWCHECK_VERSION
#define VIEWCHECK_VERSION "0.0.0"
#endif

void cache_init(vc_cache *c, vc_store *store, const vc_model_set *models)
{
    memset(c, 0, sizeof *c);
    c->store = store;
    strmap_init(&c->file_hashes);
    unsigned long long h = 1469598103934665603ull;
    size_t cursor = 0;
    for (vc_model *m; models && (m = model_set_next(models, &cursor));) {
        char *effects = store_effects_json(m);
        h = text_hash(h, m->function, strlen(m->function));
        h = text_hash(h, effects, strlen(effects));
        free(effects);
    }
    c->models_hash = xasprintf("%016llx", h);
}

void cache_free(vc_cache *c)
{
    for (int i = 0; i < c->nhashes; i++)
        free(c->hashes[i]);
    free(c->hashes);
    strmap_free(&c->file_hashes);
    free(c->models_hash);
}

char *cache_key(const vc_cache *c, const vc_job *job)
{
    unsigned long long h = 1469598103934665603ull;
    const char *parts[] = {VIEWCHECK_VERSION, c->models_hash, job->file,
                           job->directory ? job->directory : ""};
    for (size_t i = 0; i < sizeof parts / sizeof *parts; i++)
        h = text_hash(h, parts[i], strlen(parts[i]) + 1);
    for (int a = 0; a < job->nargs; a++)
        h = text_hash(h, job->args[a], strlen(job->args[a]) + 1);
    return xasprintf("%016llx", h);
}

/* The hash of a file's contents now (read once per run). */
static const char *current_hash(vc_cache *c, const char *path)
{
    int i = strmap_get(&c->file_hashes, path);
    if (i >= 0)
        return c->hashes[i];
    GROW(c->hashes, c->nhashes, c->cap);
    c->hashes[c->nhashes] = file_hash(path);
    strmap_put(&c->file_hashes, path, c->nhashes);
    return c->hashes[c->nhashes++];
}

vc_unit *cache_lookup(vc_cache *c, const vc_job *job)
{
    if (!c->store)
        return NULL;
    char *key = cache_key(c, job), err[256];
    char *text = store_cached_unit(c->store, job->file, key);
    free(key);
    vc_unit *u = text ? unit_deserialize(text, err, sizeof err) : NULL;
    free(text);
    bool valid = u && !u->error && u->ndeps > 0;
    for (int i = 0; valid && i < u->ndeps; i++) {
        const char *now = current_hash(c, u->deps[i]);
        valid = now && strcmp(now, u->dep_hashes[i]) == 0;
    }
    if (!valid) {
        unit_free(u);
        c->misses++;
        return NULL;
    }
    c->hits++;
    return u;
}

void cache_store(vc_cache *c, const vc_job *job, const vc_unit *u)
{
    if (!c->store || u->error || u->ndeps == 0)
        return;
    char *key = cache_key(c, job), *text = unit_serialize(u);
    store_put_unit(c->store, job->file, key, text);
    free(key);
    free(text);
}
