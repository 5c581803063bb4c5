/* The checking pass (every function, its callees' summaries known) in worker processes. The
 * program is in memory when the workers fork; each takes the next unchecked function from a
 * counter in shared memory (so a few slow functions do not leave the other workers idle), marks
 * it as its own, and writes its findings, tagged with the function's position, to a temporary
 * file; the parent reads them back to their positions. The functions of a worker that fails,
 * and any nobody took, are checked by the parent. */
#define _DEFAULT_SOURCE
#include "check_workers.h"

#include "findings_io.h"
#include "fork_shares.h"
#include "util.h"

#include <jansson.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>

enum { PARALLEL_MIN_FUNCTIONS = 64 };

/* Shared among the workers: the next position to take, and who took each. */
typedef struct {
    int next;
    int owner[]; /* -1: not taken */
} claims;

typedef struct {
    const vc_program *p;
    const vc_config *cfg;
    const int *defs;
    const bool *skip;
    vc_findings *found;
    int n, workers;
    claims *claimed;
} check_job;

static void check_one(const check_job *j, int i, vc_findings *into)
{
    const vc_function_ref *d = &j->p->defs[j->defs[i]];
    flow_analyze(j->p, d->unit, d->index, j->cfg, into, NULL);
}

static bool mine(const check_job *j, int k, int i)
{
    return j->claimed->owner[i] == k;
}

static int take(check_job *j, int k)
{
    for (;;) {
        int i = __atomic_fetch_add(&j->claimed->next, 1, __ATOMIC_RELAXED);
        if (i >= j->n)
            return -1;
        if (j->skip && j->skip[i])
            continue;
        __atomic_store_n(&j->claimed->owner[i], k, __ATOMIC_RELAXED);
        return i;
    }
}

static void check_work(void *ctx, int k, FILE *out)
{
    check_job *j = ctx;
    for (int i = take(j, k); i >= 0; i = take(j, k)) {
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
    for (int i = 0; i < j->n; i++)
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
    for (int i = 0; i < j->n; i++)
        if (mine(j, k, i))
            check_one(j, i, &j->found[i]);
}

/* The functions no worker took (one died between taking and marking). */
static void check_untaken(check_job *j)
{
    for (int i = 0; i < j->n; i++)
        if (!(j->skip && j->skip[i]) && j->claimed->owner[i] < 0)
            check_one(j, i, &j->found[i]);
}

static claims *shared_claims(int n)
{
    size_t size = sizeof(claims) + (size_t)n * sizeof(int);
    claims *c = mmap(NULL, size, PROT_READ | PROT_WRITE, MAP_SHARED | MAP_ANONYMOUS, -1, 0);
    if (c == MAP_FAILED)
        return NULL;
    c->next = 0;
    for (int i = 0; i < n; i++)
        c->owner[i] = -1;
    return c;
}

void check_functions(const vc_program *p, const vc_config *cfg, const int *defs, int n,
                     const bool *skip, vc_findings *found)
{
    int todo = 0;
    for (int i = 0; i < n; i++)
        todo += !(skip && skip[i]);
    int workers = todo / PARALLEL_MIN_FUNCTIONS;
    check_job job = {
        p, cfg, defs, skip, found, n, cfg->workers < workers ? cfg->workers : workers, NULL};
    if (job.workers > 1)
        job.claimed = shared_claims(n);
    if (!job.claimed) {
        for (int i = 0; i < n; i++)
            if (!(skip && skip[i]))
                check_one(&job, i, &found[i]);
        return;
    }
    fork_share_ops ops = {check_work, check_collect, check_redo, &job};
    fork_shares(job.workers, &ops);
    check_untaken(&job);
    munmap(job.claimed, sizeof(claims) + (size_t)n * sizeof(int));
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
