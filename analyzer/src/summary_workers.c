/* Summaries level by level of the call graph's condensation: a strongly connected component
 * only calls components of lower levels, so the components of one level are summarized at once,
 * shared among cfg->workers processes forked with the program in memory. Each worker writes the
 * summaries it computed to a temporary file; the parent reads them in before the next level. A
 * worker that fails has its share summarized by the parent. The result is the one a single
 * process computes. */
#define _DEFAULT_SOURCE
#include "summary_workers.h"

#include "fork_shares.h"
#include "program_reuse.h"
#include "summary_io.h"
#include "util.h"

#include <jansson.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

enum { PARALLEL_MIN_FUNCTIONS = 200, BIG_COMPONENT = 256, BIG_SHARES = 8, BIG_ROUNDS = 10 };

static void summarize_big(vc_program *p, const vc_config *cfg, const int *members, int n);

typedef struct {
    int start, n; /* members: order[start .. start + n) */
    int level;
} component;

typedef struct {
    const int *scc_of, *level_of_scc;
    int scc, level; /* the component being placed, and the level it needs so far */
} callee_levels;

static void above_callee(void *ctx, int callee)
{
    callee_levels *c = ctx;
    int s = c->scc_of[callee];
    if (s != c->scc && c->level_of_scc[s] + 1 > c->level)
        c->level = c->level_of_scc[s] + 1;
}

/* Components in order (callees first) and the level of each: 1 + the highest level it calls. */
static component *components_of(const vc_program *p, const int *order, const int *scc_of,
                                int norder, int *ncomp, int *nlevels)
{
    component *c = xcalloc((size_t)(norder ? norder : 1), sizeof *c);
    int *level_of_scc = xcalloc((size_t)(norder ? norder : 1), sizeof *level_of_scc);
    int n = 0, top = 0;
    for (int start = 0; start < norder;) {
        int end = start, scc = scc_of[order[start]];
        while (end < norder && scc_of[order[end]] == scc)
            end++;
        callee_levels cl = {scc_of, level_of_scc, scc, 0};
        for (int m = start; m < end; m++)
            program_for_each_callee(p, order[m], above_callee, &cl);
        int level = cl.level;
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

static void model_install(vc_model *dst, vc_model m)
{
    model_clear(dst);
    dst->effects = m.effects;
    dst->neffects = m.neffects;
    dst->cap = m.cap;
}

/* Lines "index summary-json": each summary goes to slots[index] (index < n). */
static bool read_summaries(FILE *in, vc_model *slots, int n)
{
    char *line = NULL;
    size_t cap = 0;
    bool ok = true;
    while (ok && getline(&line, &cap, in) > 0) {
        char *json = strchr(line, ' ');
        int index = atoi(line);
        json_t *j = json ? json_loads(json + 1, 0, NULL) : NULL;
        vc_model m = {0};
        ok = j && index >= 0 && index < n && summary_from_json(j, &m);
        if (ok)
            model_install(&slots[index], m);
        else
            model_clear(&m);
        json_decref(j);
    }
    free(line);
    return ok;
}

static void write_summary(FILE *out, int index, const vc_model *m)
{
    json_t *j = summary_json(m);
    char *text = json_dumps(j, JSON_COMPACT);
    fprintf(out, "%d %s\n", index, text);
    free(text);
    json_decref(j);
}

static void write_share(vc_program *p, const vc_config *cfg, const int *order,
                        const component *const *share, int nshare, int k, int workers, FILE *out)
{
    for (int i = k; i < nshare; i += workers) {
        const component *c = share[i];
        if (c->n >= BIG_COMPONENT)
            continue; /* done by summarize_big */
        program_summarize_scc(p, cfg, order + c->start, c->n);
        for (int m = c->start; m < c->start + c->n; m++)
            write_summary(out, order[m], &p->summaries[order[m]]);
    }
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
    vc_program *p = ((level_job *)ctx)->p;
    return read_summaries(in, p->summaries, p->ndefs);
}

static void level_redo(void *ctx, int k)
{
    level_job *j = ctx;
    for (int i = k; i < j->nshare; i += j->workers)
        if (j->share[i]->n < BIG_COMPONENT)
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
    for (int i = 0; i < nshare; i++) /* large components share their own work */
        if (share[i]->n >= BIG_COMPONENT)
            summarize_big(p, cfg, order + share[i]->start, share[i]->n);
    if (workers <= 1) {
        for (int i = 0; i < nshare; i++)
            if (share[i]->n < BIG_COMPONENT)
                program_summarize_scc(p, cfg, order + share[i]->start, share[i]->n);
        return;
    }
    level_job job = {p, cfg, order, share, nshare, workers};
    fork_share_ops ops = {level_work, level_collect, level_redo, &job};
    fork_shares(workers, &ops);
    int *defs = xmalloc((size_t)members * sizeof *defs), n = 0;
    for (int i = 0; i < nshare; i++)
        for (int m = share[i]->start; m < share[i]->start + share[i]->n; m++)
            defs[n++] = order[m];
    program_refresh_indirect_for(p, defs, n);
    free(defs);
}

/* A large component (git's 3,473 functions tied together by callbacks) is summarized in
 * rounds: in each round the component is cut into BIG_SHARES fixed shares, each share is
 * analyzed in order against the summaries of the round's start for the other shares, and the
 * new summaries are installed together. The shares can run in any number of processes, and
 * the result does not depend on how many (the cut does not). */

static vc_model model_dup(const vc_model *m)
{
    vc_model out = {0};
    json_t *j = summary_json(m);
    summary_from_json(j, &out);
    json_decref(j);
    return out;
}

typedef struct {
    vc_program *p;
    const vc_config *cfg;
    const int *members;
    int n, workers;
    vc_model *start; /* the round's starting summaries, one per member */
    vc_model *next;  /* the round's results */
    bool *dirty;     /* members whose callees' summaries changed in the last round */
} big_round;

/* Share s, in this process: its members in order, each seeing the round's start for the other
 * shares and this share's earlier results; then this share's members are put back. */
static void big_share(big_round *r, int s)
{
    for (int i = s; i < r->n; i += BIG_SHARES) {
        if (!r->dirty[i])
            continue;
        vc_model next = {0};
        const vc_function_ref *d = &r->p->defs[r->members[i]];
        flow_analyze(r->p, d->unit, d->index, r->cfg, NULL, &next);
        model_install(&r->next[i], model_dup(&next));
        model_install(&r->p->summaries[r->members[i]], next);
    }
    for (int i = s; i < r->n; i += BIG_SHARES)
        if (r->dirty[i])
            model_install(&r->p->summaries[r->members[i]], model_dup(&r->start[i]));
}

static void big_work(void *ctx, int k, FILE *out)
{
    big_round *r = ctx;
    for (int s = k; s < BIG_SHARES; s += r->workers) {
        big_share(r, s);
        for (int i = s; i < r->n; i += BIG_SHARES) {
            if (r->dirty[i])
                write_summary(out, i, &r->next[i]);
        }
    }
}

static bool big_collect(void *ctx, int k, FILE *in)
{
    (void)k;
    big_round *r = ctx;
    return read_summaries(in, r->next, r->n);
}

static void big_redo(void *ctx, int k)
{
    big_round *r = ctx;
    for (int s = k; s < BIG_SHARES; s += r->workers)
        big_share(r, s);
}

typedef struct {
    const int *index_of; /* definition -> member index, -1 outside the component */
    int *items, n, cap;
} member_list;

static void add_member(void *ctx, int callee)
{
    member_list *l = ctx;
    if (l->index_of[callee] < 0)
        return;
    GROW(l->items, l->n, l->cap);
    l->items[l->n++] = l->index_of[callee];
}

/* For each member, the members it calls (directly or as a candidate of a call through a
 * pointer), as member indices, -1 terminated. */
static int **member_callees(const vc_program *p, const int *members, int n)
{
    int *index_of = xmalloc((size_t)(p->ndefs ? p->ndefs : 1) * sizeof *index_of);
    for (int d = 0; d < p->ndefs; d++)
        index_of[d] = -1;
    for (int i = 0; i < n; i++)
        index_of[members[i]] = i;
    int **callees = xcalloc((size_t)n, sizeof *callees);
    for (int i = 0; i < n; i++) {
        member_list l = {index_of, NULL, 0, 0};
        program_for_each_callee(p, members[i], add_member, &l);
        GROW(l.items, l.n, l.cap);
        l.items[l.n] = -1;
        callees[i] = l.items;
    }
    free(index_of);
    return callees;
}

static void summarize_big(vc_program *p, const vc_config *cfg, const int *members, int n)
{
    big_round r = {p, cfg, members, n, cfg->workers > 1 ? cfg->workers : 1, NULL, NULL, NULL};
    if (r.workers > BIG_SHARES)
        r.workers = BIG_SHARES;
    r.start = xcalloc((size_t)n, sizeof *r.start);
    r.next = xcalloc((size_t)n, sizeof *r.next);
    r.dirty = xmalloc((size_t)n * sizeof *r.dirty);
    bool *changed = xcalloc((size_t)n, sizeof *changed);
    int *changed_defs = xmalloc((size_t)n * sizeof *changed_defs);
    int **callees = member_callees(p, members, n);
    for (int i = 0; i < n; i++)
        r.dirty[i] = true;
    for (int round = 0; round < BIG_ROUNDS; round++) {
        for (int i = 0; i < n; i++)
            if (r.dirty[i])
                model_install(&r.start[i], model_dup(&p->summaries[members[i]]));
        if (r.workers > 1) {
            fork_share_ops ops = {big_work, big_collect, big_redo, &r};
            fork_shares(r.workers, &ops);
        } else {
            for (int s = 0; s < BIG_SHARES; s++)
                big_share(&r, s);
        }
        int nchanged = 0;
        for (int i = 0; i < n; i++) {
            changed[i] = r.dirty[i] && !program_same_summary(&r.next[i], &r.start[i]);
            if (changed[i])
                changed_defs[nchanged++] = members[i];
            if (r.dirty[i]) {
                model_install(&p->summaries[members[i]], r.next[i]);
                r.next[i] = (vc_model){0};
            }
        }
        if (nchanged == 0)
            break;
        program_refresh_indirect_for(p, changed_defs, nchanged);
        for (int i = 0; i < n; i++) { /* next round: the callers of what changed */
            r.dirty[i] = false;
            for (const int *c = callees[i]; *c >= 0 && !r.dirty[i]; c++)
                r.dirty[i] = changed[*c];
        }
    }
    for (int i = 0; i < n; i++) {
        model_clear(&r.start[i]);
        model_clear(&r.next[i]);
        free(callees[i]);
    }
    free(callees);
    free(changed);
    free(changed_defs);
    free(r.dirty);
    free(r.start);
    free(r.next);
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
            if (comps[c].level == level &&
                !(p->reuse &&
                  program_reuse_summaries(p, order + comps[c].start, comps[c].n, scc_of))) {
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
