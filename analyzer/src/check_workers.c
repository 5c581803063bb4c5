/* The checking pass (every function, its callees' summaries known) in worker processes. The
 * program is in memory when the workers fork, so each only needs its share of functions; each
 * writes its findings, tagged with the function's position, to a temporary file, and the parent
 * reads them back to their positions. A worker that fails has its share checked by the parent. */
#define _DEFAULT_SOURCE
#include "check_workers.h"

#include "findings_io.h"
#include "fork_shares.h"
#include "util.h"

#include <jansson.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

enum { PARALLEL_MIN_FUNCTIONS = 64 };

typedef struct {
    const vc_program *p;
    const vc_config *cfg;
    const int *defs;
    const bool *skip;
    vc_findings *found;
    int n, workers;
} check_job;

static void check_one(const check_job *j, int i, vc_findings *into)
{
    const vc_function_ref *d = &j->p->defs[j->defs[i]];
    flow_analyze(j->p, d->unit, d->index, j->cfg, into, NULL);
}

static bool mine(const check_job *j, int k, int i)
{
    return i % j->workers == k && !(j->skip && j->skip[i]);
}

static void check_work(void *ctx, int k, FILE *out)
{
    check_job *j = ctx;
    for (int i = k; i < j->n; i += j->workers) {
        if (!mine(j, k, i))
            continue;
        vc_findings local = {0};
        check_one(j, i, &local);
        for (int f = 0; f < local.n; f++) {
            json_t *tagged = json_pack("[i,o]", i, finding_json(&local.items[f]));
            char *text = json_dumps(tagged, JSON_COMPACT);
            fprintf(out, "%s\n", text);
            free(text);
            json_decref(tagged);
        }
        findings_free(&local);
    }
}

/* One line "[position, finding]" of worker k into found[position]. */
static bool read_tagged(check_job *j, int k, const char *line)
{
    json_t *tagged = json_loads(line, 0, NULL);
    int position = -1;
    json_t *finding = NULL;
    bool ok = tagged && json_unpack(tagged, "[i,o]", &position, &finding) == 0 && position >= 0 &&
              position < j->n && mine(j, k, position) &&
              finding_from_json(finding, j->cfg, &j->found[position]);
    json_decref(tagged);
    return ok;
}

static void forget_share(check_job *j, int k)
{
    for (int i = k; i < j->n; i += j->workers)
        if (mine(j, k, i))
            findings_free(&j->found[i]);
}

static bool check_collect(void *ctx, int k, FILE *in)
{
    check_job *j = ctx;
    char *line = NULL;
    size_t cap = 0;
    bool ok = true;
    while (ok && getline(&line, &cap, in) > 0)
        ok = read_tagged(j, k, line);
    free(line);
    if (!ok)
        forget_share(j, k);
    return ok;
}

static void check_redo(void *ctx, int k)
{
    check_job *j = ctx;
    for (int i = k; i < j->n; i += j->workers)
        if (mine(j, k, i))
            check_one(j, i, &j->found[i]);
}

void check_functions(const vc_program *p, const vc_config *cfg, const int *defs, int n,
                     const bool *skip, vc_findings *found)
{
    int todo = 0;
    for (int i = 0; i < n; i++)
        todo += !(skip && skip[i]);
    int workers = todo / PARALLEL_MIN_FUNCTIONS;
    check_job job = {p, cfg, defs, skip, found, n, cfg->workers < workers ? cfg->workers : workers};
    if (job.workers <= 1) {
        job.workers = 1;
        check_redo(&job, 0);
        return;
    }
    fork_share_ops ops = {check_work, check_collect, check_redo, &job};
    fork_shares(job.workers, &ops);
}

void check_merge(vc_findings *found, int n, vc_findings *out)
{
    for (int i = 0; i < n; i++) {
        for (int k = 0; k < found[i].n; k++) {
            vc_finding *fd = &found[i].items[k];
            if (findings_has(out, fd->rule, fd->file, fd->line)) {
                finding_clear(fd);
                continue;
            }
            GROW(out->items, out->n, out->cap);
            out->items[out->n++] = *fd;
        }
        free(found[i].items);
        found[i] = (vc_findings){0};
    }
}
