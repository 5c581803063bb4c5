/* Summaries over the call graph's condensation: a strongly connected component is summarized
 * once every component it calls is settled. The components go to cfg->workers processes as they
 * become ready (summary_pool.c), so the work is shared whatever the shape of the graph; a large
 * component is summarized in rounds shared among processes (summary_big.c). A worker that fails
 * has its component summarized by the parent. The result is the one a single process computes:
 * every component is summarized from the same settled summaries of its callees. */
#include "summary_workers.h"

#include "program_reuse.h"
#include "summary_big.h"
#include "summary_io.h"
#include "summary_pool.h"
#include "util.h"

#include <stdlib.h>

enum { PARALLEL_MIN_FUNCTIONS = 64, BIG_COMPONENT = 256 };

typedef struct {
    int start, n; /* members: order[start .. start + n) */
    int pending;  /* components it calls that are not settled yet */
    bool settled;
    bool with_check; /* checked in the analyses that summarize it */
    long weight;     /* blocks of its members: loops and branches are what analyses cost */
    int *callers, ncallers, callers_cap;
} component;

typedef struct {
    vc_program *p;
    const vc_config *cfg;
    const int *order, *scc_of;
    component *comps;
    int ncomp, settled;
    int *ready, nready; /* components whose callees are settled, taken in order */
    int ready_head;
    summary_log log;
    summary_pool *pool;
    vc_early_checks *early;
    /* positions, in the order their components settled: taken for checks by idle workers and
     * for cfg->on_summary while the workers work, each from its own head */
    int *settled_pos, nsettled_pos, check_head, report_head;
    int in_workers, big_functions, big_rounds, largest, deaths;
    int checked_apart; /* functions checked in an analysis of their own by an idle worker */
    big_run *big;      /* the large component under way in the pool, or NULL */
    int big_comp;
} schedule;

typedef struct {
    schedule *s;
    const int *comp_of_scc, *scc_of;
    int *last_caller; /* per component: the last component that was counted as its caller */
    int c;
} edge_ctx;

static void add_edge(void *vctx, int callee)
{
    edge_ctx *e = vctx;
    int cc = e->comp_of_scc[e->scc_of[callee]];
    if (cc < 0 || cc == e->c || e->last_caller[cc] == e->c)
        return;
    e->last_caller[cc] = e->c;
    component *callee_comp = &e->s->comps[cc];
    GROW(callee_comp->callers, callee_comp->ncallers, callee_comp->callers_cap);
    callee_comp->callers[callee_comp->ncallers++] = e->c;
    e->s->comps[e->c].pending++;
}

static long weight_of(const schedule *s, int start, int end)
{
    long w = 0;
    for (int m = start; m < end; m++) {
        const vc_function_ref *d = &s->p->defs[s->order[m]];
        w += s->p->units[d->unit]->functions[d->index]->nblocks;
    }
    return w;
}

/* The components in order (callees first) and who calls whom among them. */
static void components_of(schedule *s, const int *scc_of, int norder)
{
    int nscc = 0;
    for (int i = 0; i < norder; i++)
        nscc = scc_of[s->order[i]] + 1 > nscc ? scc_of[s->order[i]] + 1 : nscc;
    int *comp_of_scc = xmalloc((size_t)(nscc ? nscc : 1) * sizeof *comp_of_scc);
    for (int i = 0; i < nscc; i++)
        comp_of_scc[i] = -1;
    s->comps = xcalloc((size_t)(norder ? norder : 1), sizeof *s->comps);
    for (int start = 0; start < norder;) {
        int end = start, scc = scc_of[s->order[start]];
        while (end < norder && scc_of[s->order[end]] == scc)
            end++;
        comp_of_scc[scc] = s->ncomp;
        s->comps[s->ncomp++] =
            (component){.start = start, .n = end - start, .weight = weight_of(s, start, end)};
        start = end;
    }
    int *last_caller = xmalloc((size_t)(s->ncomp ? s->ncomp : 1) * sizeof *last_caller);
    for (int c = 0; c < s->ncomp; c++)
        last_caller[c] = -1;
    edge_ctx e = {s, comp_of_scc, scc_of, last_caller, 0};
    for (e.c = 0; e.c < s->ncomp; e.c++)
        for (int m = s->comps[e.c].start; m < s->comps[e.c].start + s->comps[e.c].n; m++)
            program_for_each_callee(s->p, s->order[m], add_edge, &e);
    free(last_caller);
    free(comp_of_scc);
}

/* Component c's summaries are final: into the log for the workers (unless a worker computed
 * them and the pool logged them), its callers a step closer to ready. */
static void settle(schedule *s, int c, bool logged)
{
    component *comp = &s->comps[c];
    comp->settled = true;
    if (!logged && s->pool)
        for (int m = comp->start; m < comp->start + comp->n; m++)
            summary_log_add(&s->log, s->order[m], summary_text(&s->p->summaries[s->order[m]]), -1);
    for (int m = comp->start; m < comp->start + comp->n; m++)
        s->settled_pos[s->nsettled_pos++] = m;
    for (int i = 0; i < comp->ncallers; i++)
        if (--s->comps[comp->callers[i]].pending == 0)
            s->ready[s->nready++] = comp->callers[i];
    if (comp->n > s->largest)
        s->largest = comp->n;
    s->settled++;
}

/* The heaviest ready component (the costly ones first, so that they do not finish last); one
 * large one at a time. With nothing ready and nothing
 * under way, the first unsettled one (the graph is acyclic, so this does not happen). */
static int take_ready(schedule *s)
{
    bool busy = summary_pool_busy(s->pool) > 0;
    if (!busy && !s->big && s->ready_head == s->nready)
        for (int c = 0; c < s->ncomp; c++)
            if (!s->comps[c].settled && s->comps[c].pending >= 0) {
                s->comps[c].pending = -1; /* taken */
                return c;
            }
    int best = -1;
    for (int i = s->ready_head; i < s->nready; i++) {
        const component *c = &s->comps[s->ready[i]];
        if ((s->big && c->n >= BIG_COMPONENT) ||
            (best >= 0 && c->weight <= s->comps[s->ready[best]].weight))
            continue;
        best = i;
    }
    if (best < 0)
        return -1;
    int c = s->ready[best];
    s->ready[best] = s->ready[s->ready_head];
    s->ready[s->ready_head++] = c;
    return c;
}

static void stop_pool(schedule *s)
{
    s->deaths += summary_pool_deaths(s->pool);
    summary_pool_stop(s->pool);
    s->pool = NULL;
}

static void summarize_here(schedule *s, int c)
{
    const component *comp = &s->comps[c];
    if (comp->n >= BIG_COMPONENT) { /* no workers: all its rounds here */
        s->big_rounds += summarize_big(s->p, s->cfg, s->order + comp->start, comp->n);
        s->big_functions += comp->n;
    } else if (comp->with_check) {
        program_summarize_and_check(s->p, s->cfg, s->order + comp->start, comp->n,
                                    s->early->found + comp->start);
        for (int m = comp->start; m < comp->start + comp->n; m++)
            s->early->done[m] = true;
    } else {
        program_summarize_scc(s->p, s->cfg, s->order + comp->start, comp->n);
    }
    settle(s, c, false);
}

/* While the workers compute, this process hands settled summaries to cfg->on_summary (the
 * results database's rows: a hash of each function, its effects as JSON), work that would
 * otherwise wait for the end of the phase. */
static void report_while_waiting(schedule *s)
{
    while (s->report_head < s->nsettled_pos && !summary_pool_answered(s->pool))
        program_report_summary(s->p, s->cfg, s->order[s->settled_pos[s->report_head++]]);
}

static void wait_for_worker(schedule *s)
{
    report_while_waiting(s);
    pool_answer a = summary_pool_wait(s->pool, &s->log, s->early ? s->early->found : NULL);
    int c = a.task;
    if (a.kind == POOL_CHECK) { /* a failed check is left to the checking pass */
        s->early->done[c] = a.ok;
        return;
    }
    if (a.kind == POOL_SHARE) {
        if (a.ok)
            big_share_done(s->big, a.task, a.got, a.texts);
        else
            big_share_here(s->big, a.task);
        free(a.got);
        free(a.texts);
        return;
    }
    if (!a.ok) {
        summarize_here(s, c);
        return;
    }
    for (int m = s->comps[c].start; s->comps[c].with_check && m < s->comps[c].start + s->comps[c].n;
         m++)
        s->early->done[m] = true;
    s->in_workers += s->comps[c].n;
    settle(s, c, true);
}

static void start_pool(schedule *s)
{
    if (!s->pool && s->cfg->workers > 1)
        s->pool = summary_pool_start(s->p, s->cfg, s->order, s->cfg->workers, &s->log);
}

/* The large component's rounds: shares to idle workers before anything else (they are the
 * longest chain of work; here when no worker is alive), the round's end once all are in. The
 * changed summaries reach the log at each round's end, so its settling logs nothing. */
static void feed_big(schedule *s)
{
    while (s->big) {
        if (big_round_complete(s->big)) {
            if (!big_end_round(s->big, s->pool ? &s->log : NULL))
                continue;
            s->big_rounds += big_finish(s->big);
            s->big = NULL;
            s->big_functions += s->comps[s->big_comp].n;
            settle(s, s->big_comp, true);
            return;
        }
        int w = summary_pool_idle(s->pool);
        if (w < 0 && summary_pool_busy(s->pool) > 0)
            return;
        const int *defs;
        int n, share = big_take_share(s->big, &defs, &n);
        if (share < 0)
            return;
        if (w < 0 || !summary_pool_send_share(s->pool, w, &s->log, share, defs, n))
            big_share_here(s->big, share);
    }
}

/* A function whose component is settled, to worker w (those the earlier run answers for are
 * done here). */
static void dispatch_check(schedule *s, int w)
{
    while (s->check_head < s->nsettled_pos) {
        int pos = s->settled_pos[s->check_head++];
        if (s->early->asked[pos])
            continue; /* checked as it was summarized */
        s->early->asked[pos] = true;
        if (s->p->reuse &&
            program_reuse_findings(s->p, s->cfg, s->order[pos], &s->early->found[pos])) {
            s->early->done[pos] = true;
            continue;
        }
        summary_pool_send_check(s->pool, w, &s->log, pos, s->order[pos]);
        s->checked_apart++;
        return;
    }
}

/* A component is checked where it is summarized (one analysis for both when it is one function
 * that does not call itself). With the results database, the earlier run is asked for a
 * function's findings only when what they depend on is settled: before a lone function is
 * summarized (its callees are), after a cycle is. */
static void decide_check(schedule *s, component *comp)
{
    if (!s->early || comp->n >= BIG_COMPONENT)
        return;
    bool alone = comp->n == 1 && !program_calls_itself(s->p, s->order[comp->start]);
    if (!s->p->reuse) {
        for (int m = comp->start; m < comp->start + comp->n; m++)
            s->early->asked[m] = true; /* not to be checked again by an idle worker */
        comp->with_check = true;
        return;
    }
    if (!alone)
        return; /* the earlier run is asked once the component is settled (dispatch_check) */
    /* its callees are settled: the inputs of its findings are known */
    int m = comp->start;
    s->early->asked[m] = true;
    s->early->done[m] = program_reuse_findings(s->p, s->cfg, s->order[m], &s->early->found[m]);
    comp->with_check = !s->early->done[m];
}

/* untaken: the functions of the components not taken yet (this one's included); workers pay
 * off for PARALLEL_MIN_FUNCTIONS of them. */
static void summarize_component(schedule *s, int c, int *untaken)
{
    component *comp = &s->comps[c];
    bool worth_workers = *untaken >= PARALLEL_MIN_FUNCTIONS;
    *untaken -= comp->n;
    if (s->p->reuse && program_reuse_summaries(s->p, s->order + comp->start, comp->n, s->scc_of)) {
        settle(s, c, false);
        return;
    }
    decide_check(s, comp);
    if (worth_workers)
        start_pool(s);
    if (comp->n >= BIG_COMPONENT && s->pool) {
        s->big = big_begin(s->p, s->cfg, s->order + comp->start, comp->n);
        s->big_comp = c;
        feed_big(s);
        return;
    }
    if (comp->n >= BIG_COMPONENT) {
        summarize_here(s, c);
        return;
    }
    while (summary_pool_idle(s->pool) < 0 && summary_pool_busy(s->pool) > 0) {
        wait_for_worker(s);
        feed_big(s);
    }
    int w = summary_pool_idle(s->pool);
    if (w < 0 || !summary_pool_send(s->pool, w, &s->log, c, comp->start, comp->n, comp->with_check))
        summarize_here(s, c);
}

/* Summaries first (they hold up their callers); checks for workers with nothing else to do. */
static void run(schedule *s, int norder)
{
    int untaken = norder;
    for (;;) {
        feed_big(s);
        bool summaries_left = s->settled < s->ncomp;
        int c = summaries_left ? take_ready(s) : -1;
        if (c >= 0) {
            summarize_component(s, c, &untaken);
            continue;
        }
        int w = summary_pool_idle(s->pool);
        if (w >= 0 && s->early && s->check_head < s->nsettled_pos)
            dispatch_check(s, w);
        else if (summary_pool_busy(s->pool) > 0)
            wait_for_worker(s);
        else if (!summaries_left)
            break;
    }
}

void summarize_program(vc_program *p, const vc_config *cfg, const int *order, const int *scc_of,
                       int norder, vc_early_checks *early)
{
    schedule s = {.p = p, .cfg = cfg, .order = order, .scc_of = scc_of, .early = early};
    s.settled_pos = xmalloc((size_t)(norder ? norder : 1) * sizeof *s.settled_pos);
    components_of(&s, scc_of, norder);
    s.ready = xmalloc((size_t)(s.ncomp ? s.ncomp : 1) * sizeof *s.ready);
    for (int c = 0; c < s.ncomp; c++)
        if (s.comps[c].pending == 0)
            s.ready[s.nready++] = c;
    double t0 = util_seconds();
    run(&s, norder);
    stop_pool(&s);
    if (cfg->verbose)
        fprintf(stderr,
                "viewcheck: note: call graph: %d components, the largest %d functions; %d "
                "functions summarized in workers, %d in large components (%d rounds); %d workers "
                "died, their tasks done here; %d functions checked apart from their summary "
                "(%.2f s)\n",
                s.ncomp, s.largest, s.in_workers, s.big_functions, s.big_rounds, s.deaths,
                s.checked_apart, util_seconds() - t0);
    for (int c = 0; c < s.ncomp; c++)
        free(s.comps[c].callers);
    free(s.comps);
    free(s.ready);
    free(s.settled_pos);
    summary_log_free(&s.log);
}
