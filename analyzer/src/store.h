/* The results database (SQLite): runs, findings with their stories, failures, and function
 * summaries keyed by USR with the hash of what they were computed from. */
#ifndef VC_STORE_H
#define VC_STORE_H

#include "findings.h"
#include "models.h"
#include "report.h"
#include "report_html.h"

#include <stdbool.h>

typedef struct vc_store vc_store;

enum { STORE_SCHEMA_VERSION = 4 };

/* Opens (creating, migrating) the database. NULL with a message naming the file on error:
 * unreadable, not a database, corrupted, written by a newer viewcheck. */
vc_store *store_open(const char *path, bool create, char *err, int errlen);
void store_close(vc_store *s);

typedef struct {
    const char *started, *version, *options, *compdb;
    double duration;
    int files_analyzed, files_failed;
} vc_run_info;

/* Writes a run in one transaction; returns its id, or -1 (message in err). */
long long store_write_run(vc_store *s, const vc_run_info *run, const vc_findings *findings,
                          const vc_failures *failures, char *err, int errlen);
/* Stages a function summary for the next store_write_run, as row `slot` of `nslots` (rows are
 * written in slot order, whatever the order they were staged in). */
void store_put_summary(vc_store *s, int slot, int nslots, const char *usr, const char *name,
                       const char *file, const char *hash, const vc_model *summary);
/* The incremental cache: a unit's lowered IR stored under its key (NULL when absent). */
char *store_cached_unit(vc_store *s, const char *file, const char *key);
/* Stages a unit for the next store_write_run. */
void store_put_unit(vc_store *s, const char *file, const char *key, const char *unit);
/* The whole-program cache: the findings of the next store_write_run stand while `key` and the
 * hashes in `deps` (JSON [[path, hash], ...]) hold. */
void store_put_program(vc_store *s, const char *key, const char *deps);
/* What the whole-program analysis computed for one function: `key` names the function (its
 * unit's inputs, USR, position), the inputs are hashes of what its summary and its findings
 * were computed from; summary and findings are JSON. */
typedef struct {
    char *key, *summary_inputs, *check_inputs, *summary, *findings;
} vc_function_result;
/* Stages an analysis's function results for the next store_write_run, which replaces every
 * earlier one of that analysis key. */
void store_put_function_results(vc_store *s, const char *analysis, const vc_function_result *rows,
                                int n);
void store_function_result_free(vc_function_result *row);
/* The stored function results of an analysis key; returns the count, *out malloc'd. */
int store_load_function_results(vc_store *s, const char *analysis, vc_function_result **out);
/* The run stored under a program key (-1 when none) and its deps (caller frees). */
long long store_cached_program(vc_store *s, const char *key, char **deps);
/* Every cached unit (file and lowered IR as JSON); returns the count, arrays malloc'd. */
int store_load_units(vc_store *s, char ***files, char ***texts);
/* Copies every run of another results database (with its findings) into this one. */
bool store_copy_runs(vc_store *s, const char *other, char *err, int errlen);
/* Loads the findings of a run (the newest when run_id <= 0); returns the run id or -1. */
long long store_load_run(vc_store *s, long long run_id, vc_findings *out, vc_failures *failures,
                         char *err, int errlen);
/* Every stored run, oldest first, with its counts (for trends). Returns the count; *out is
 * malloc'd (free each `started`). */
int store_run_history(vc_store *s, vc_run_stat **out);
/* The effects of a summary as JSON text (caller frees). */
char *store_effects_json(const vc_model *m);

#endif
