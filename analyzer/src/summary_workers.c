/* Summaries level by level of the call graph's condensation: a strongly connected component
 * only calls components of lower levels, so the components of one level are summarized at once,
 * shared among cfg->workers processes forked with the program in memory. Each worker writes the
 * summaries it computed to a temporary file; the parent reads them in before the next level. A
 * worker that fails has its share summarized by the parent. The result is the one a single
 * process computes. */
#define _DEFAULT_SOURCE
#include "summary_workers.h"

#include "fork_shares.h"
#include "summary_io.h"
#include "util.h"

#include <jansson.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

enum { PARALLEL_MIN_FUNCTIONS = 200 };

typedef struct {
    int start, n; /* members: order[start .. start + n) */
    int level;
} component;

/* Components in order (callees first) and the level of each: 1 + the highest level it calls. */
static component *components_of(const vc_program *p, const int *order, const int *scc_of,
                                int norder, int *ncomp, int *nlevels)
{
    component *c = xcalloc((size_t)(norder ? norder : 1), sizeof *c);
    int *level_of_scc = xcalloc((size_t)(norder ? norder : 1), sizeof *level_of_scc);
    int n = 0, top = 0;
    for (int start = 0; start < norder;) {
        int end = start, level = 0, scc = scc_of[order[start]];
        while (end < norder && scc_of[order[end]] == scc)
            end++;
        for (int m = start; m < end; m++) {
            const vc_unit *u = p->units[p->defs[order[m]].unit];
            const vc_function *f = u->functions[p->defs[order[m]].index];
            for (int b = 0; b < f->nblocks; b++) {
                for (int i = 0; i < f->blocks[b].ninstrs; i++) {
                    const vc_instr *in = &f->blocks[b].instrs[i];
                    if (in->kind != I_CALL)
                        continue;
                    int w = program_definition_of(p, u, in);
                    if (w >= 0 && scc_of[w] != scc && level_of_scc[scc_of[w]] + 1 > level)
                        level = level_of_scc[scc_of[w]] + 1;
                    const int *cand = in->callee < 0 ? program_call_candidates(p, in) : NULL;
                    for (; cand && *cand >= 0; cand++)
                        if (scc_of[*cand] != scc && level_of_scc[scc_of[*cand]] + 1 > level)
                            level = level_of_scc[scc_of[*cand]] + 1;
                }
            }
        }
        level_of_scc[scc] = level;
        c[n++] = (component){start, end - start, level};
        if (level + 1 > top)
            top = level + 1;
        start = end;
    }
    free(level_of_scc);
    *ncomp = n;
    *nlevels = top;
    return c;
}

static void write_share(vc_program *p, const vc_config *cfg, const int *order,
                        const component *const *share, int nshare, int k, int workers, FILE *out)
{
    for (int i = k; i < nshare; i += workers) {
        const component *c = share[i];
        program_summarize_scc(p, cfg, order + c->start, c->n);
        for (int m = c->start; m < c->start + c->n; m++) {
            json_t *j = summary_json(&p->summaries[order[m]]);
            char *text = json_dumps(j, JSON_COMPACT);
            fprintf(out, "%d %s\n", order[m], text);
            free(text);
            json_decref(j);
        }
    }
}

static bool read_share(vc_program *p, FILE *in)
{
    char *line = NULL;
    size_t cap = 0;
    bool ok = true;
    while (ok && getline(&line, &cap, in) > 0) {
        char *json = strchr(line, ' ');
        int def = atoi(line);
        json_t *j = json ? json_loads(json + 1, 0, NULL) : NULL;
        vc_model m = {0};
        ok = j && def >= 0 && def < p->ndefs && summary_from_json(j, &m);
        if (ok) {
            model_clear(&p->summaries[def]);
            p->summaries[def].effects = m.effects;
            p->summaries[def].neffects = m.neffects;
            p->summaries[def].cap = m.cap;
        } else {
            model_clear(&m);
        }
        json_decref(j);
    }
    free(line);
    return ok;
}

typedef struct {
    vc_program *p;
    const vc_config *cfg;
    const int *order;
    const component *const *share;
    int nshare, workers;
} level_job;

static void level_work(void *ctx, int k, FILE *out)
{
    level_job *j = ctx;
    write_share(j->p, j->cfg, j->order, j->share, j->nshare, k, j->workers, out);
}

static bool level_collect(void *ctx, int k, FILE *in)
{
    (void)k;
    return read_share(((level_job *)ctx)->p, in);
}

static void level_redo(void *ctx, int k)
{
    level_job *j = ctx;
    for (int i = k; i < j->nshare; i += j->workers)
        program_summarize_scc(j->p, j->cfg, j->order + j->share[i]->start, j->share[i]->n);
}

static void summarize_level(vc_program *p, const vc_config *cfg, const int *order,
                            const component *const *share, int nshare, int members)
{
    int workers = cfg->workers < members / PARALLEL_MIN_FUNCTIONS + 1
                      ? cfg->workers
                      : members / PARALLEL_MIN_FUNCTIONS + 1;
    if (workers > nshare)
        workers = nshare;
    if (workers <= 1) {
        for (int i = 0; i < nshare; i++)
            program_summarize_scc(p, cfg, order + share[i]->start, share[i]->n);
        return;
    }
    level_job job = {p, cfg, order, share, nshare, workers};
    fork_share_ops ops = {level_work, level_collect, level_redo, &job};
    fork_shares(workers, &ops);
    program_refresh_indirect(p);
}

void summarize_program(vc_program *p, const vc_config *cfg, const int *order, const int *scc_of,
                       int norder)
{
    int ncomp, nlevels;
    component *comps = components_of(p, order, scc_of, norder, &ncomp, &nlevels);
    const component **share = xcalloc((size_t)(ncomp ? ncomp : 1), sizeof *share);
    int largest = 0;
    double largest_time = 0;
    for (int level = 0; level < nlevels; level++) {
        int nshare = 0, members = 0;
        for (int c = 0; c < ncomp; c++) {
            if (comps[c].level == level) {
                share[nshare++] = &comps[c];
                members += comps[c].n;
            }
        }
        double t0 = util_seconds();
        summarize_level(p, cfg, order, share, nshare, members);
        for (int i = 0; i < nshare; i++) {
            if (share[i]->n > largest) {
                largest = share[i]->n;
                largest_time = util_seconds() - t0;
            }
        }
    }
    if (cfg->verbose)
        fprintf(stderr,
                "viewcheck: note: call graph: %d components on %d levels, the largest %d "
                "functions (its level %.2f s)\n",
                ncomp, nlevels, largest, largest_time);
    free(share);
    free(comps);
}
