/* A large component (git's 3,473 functions tied together by callbacks) is summarized in
 * rounds: in each round the component is cut into BIG_SHARES fixed shares (contiguous runs of
 * its members), each share is analyzed in order against the summaries of the round's start for
 * the other shares, and the new summaries are installed together at the round's end. The shares
 * can be analyzed anywhere, in any order (the summary pool's workers, this process), and the
 * result does not depend on where (the cut does not). */
#include "summary_big.h"

#include "summary_io.h"
#include "util.h"

#include <stdlib.h>
#include <string.h>

/* Rounds: git's component settles after 14 (a call chain crosses shares once per round); the
 * cap only guards against summaries that never settle. */
enum { BIG_SHARES = 8, BIG_ROUNDS = 40 };

struct big_run {
    vc_program *p;
    const vc_config *cfg;
    const int *members;
    int n, rounds;
    bool settled;
    bool *dirty;        /* members whose callees' summaries changed in the last round */
    vc_model *next;     /* the round's results, per member (dirty ones) */
    char **texts;       /* their JSON texts when a worker sent them, else NULL */
    char **installed;   /* per member: the JSON text of its summary in the program */
    int **callees;      /* per member, the members it calls, -1 terminated */
    int *share_defs;    /* per share, the definitions of its dirty members, in order */
    int *share_members; /* and their member indices */
    int share_n[BIG_SHARES];
    long share_weight[BIG_SHARES];
    bool share_out[BIG_SHARES], share_done[BIG_SHARES];
};

/* Share s: a contiguous run of members (callees come before their callers in the order, so a
 * chain of calls mostly stays in one share, where it propagates in one round). */
static int share_start(const big_run *b, int s)
{
    return (int)((long)b->n * s / BIG_SHARES);
}

void big_analyze_share(vc_program *p, const vc_config *cfg, const int *defs, int n,
                       vc_model *results)
{
    vc_model *saved = xcalloc((size_t)(n ? n : 1), sizeof *saved);
    for (int i = 0; i < n; i++) {
        vc_model next = {0};
        const vc_function_ref *d = &p->defs[defs[i]];
        flow_analyze(p, d->unit, d->index, cfg, NULL, &next);
        saved[i] = p->summaries[defs[i]]; /* later members of the share see the new summary */
        p->summaries[defs[i]] = next;
    }
    for (int i = 0; i < n; i++) {
        results[i] = p->summaries[defs[i]];
        p->summaries[defs[i]] = saved[i];
    }
    free(saved);
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

/* The round's shares: their dirty members, and their weights (blocks: what analyses cost). */
static void plan_round(big_run *b)
{
    int at = 0;
    for (int s = 0; s < BIG_SHARES; s++) {
        b->share_n[s] = 0;
        b->share_weight[s] = 0;
        for (int i = share_start(b, s); i < share_start(b, s + 1); i++) {
            if (!b->dirty[i])
                continue;
            const vc_function_ref *d = &b->p->defs[b->members[i]];
            b->share_members[at + b->share_n[s]] = i;
            b->share_defs[at + b->share_n[s]++] = b->members[i];
            b->share_weight[s] += b->p->units[d->unit]->functions[d->index]->nblocks;
        }
        at += b->share_n[s];
        b->share_out[s] = b->share_done[s] = b->share_n[s] == 0;
    }
    b->rounds++;
}

big_run *big_begin(vc_program *p, const vc_config *cfg, const int *members, int n)
{
    big_run *b = xcalloc(1, sizeof *b);
    *b = (big_run){.p = p, .cfg = cfg, .members = members, .n = n};
    b->dirty = xmalloc((size_t)n * sizeof *b->dirty);
    b->next = xcalloc((size_t)n, sizeof *b->next);
    b->texts = xcalloc((size_t)n, sizeof *b->texts);
    b->installed = xcalloc((size_t)n, sizeof *b->installed);
    for (int i = 0; i < n; i++)
        b->installed[i] = summary_text(&p->summaries[members[i]]);
    b->share_defs = xmalloc((size_t)n * sizeof *b->share_defs);
    b->share_members = xmalloc((size_t)n * sizeof *b->share_members);
    b->callees = member_callees(p, members, n);
    for (int i = 0; i < n; i++)
        b->dirty[i] = true;
    plan_round(b);
    return b;
}

/* Where share s's dirty members begin in share_defs and share_members. */
static int share_offset(const big_run *b, int s)
{
    int at = 0;
    for (int k = 0; k < s; k++)
        at += b->share_n[k];
    return at;
}

int big_take_share(big_run *b, const int **defs, int *n)
{
    int best = -1;
    for (int s = 0; s < BIG_SHARES; s++)
        if (!b->share_out[s] && (best < 0 || b->share_weight[s] > b->share_weight[best]))
            best = s;
    if (best < 0)
        return -1;
    b->share_out[best] = true;
    *defs = b->share_defs + share_offset(b, best);
    *n = b->share_n[best];
    return best;
}

void big_share_done(big_run *b, int s, vc_model *got, char **texts)
{
    const int *members = b->share_members + share_offset(b, s);
    for (int k = 0; k < b->share_n[s]; k++) {
        int i = members[k];
        summary_install(&b->next[i], got[k]);
        free(b->texts[i]);
        b->texts[i] = texts ? texts[k] : NULL;
    }
    b->share_out[s] = b->share_done[s] = true;
}

void big_share_here(big_run *b, int s)
{
    vc_model *got = xcalloc((size_t)(b->share_n[s] ? b->share_n[s] : 1), sizeof *got);
    big_analyze_share(b->p, b->cfg, b->share_defs + share_offset(b, s), b->share_n[s], got);
    big_share_done(b, s, got, NULL);
    free(got);
}

bool big_round_complete(const big_run *b)
{
    for (int s = 0; s < BIG_SHARES; s++)
        if (!b->share_done[s])
            return false;
    return true;
}

/* Every new summary that differs in anything (a region, a trace) replaces the round's start and
 * goes to the log; `changed` (different effects) is what makes callers analyze again. */
static int install_round(big_run *b, bool *changed, int *installed_defs, summary_log *log)
{
    int ninstalled = 0;
    for (int i = 0; i < b->n; i++) {
        changed[i] = false;
        if (!b->dirty[i])
            continue;
        vc_model *now = &b->p->summaries[b->members[i]];
        if (!b->texts[i])
            b->texts[i] = summary_text(&b->next[i]);
        changed[i] = !program_same_summary(&b->next[i], now);
        if (changed[i] || strcmp(b->texts[i], b->installed[i]) != 0) {
            installed_defs[ninstalled++] = b->members[i];
            summary_install(now, b->next[i]);
            free(b->installed[i]);
            b->installed[i] = xstrdup(b->texts[i]);
            if (log) { /* the log takes the text */
                summary_log_add(log, b->members[i], b->texts[i], -1);
                b->texts[i] = NULL;
            }
        } else {
            model_clear(&b->next[i]);
        }
        b->next[i] = (vc_model){0};
    }
    for (int i = 0; i < b->n; i++) { /* the texts nobody took */
        free(b->texts[i]);
        b->texts[i] = NULL;
    }
    return ninstalled;
}

bool big_end_round(big_run *b, summary_log *log)
{
    bool *changed = xcalloc((size_t)b->n, sizeof *changed);
    int *installed_defs = xmalloc((size_t)b->n * sizeof *installed_defs);
    int ninstalled = install_round(b, changed, installed_defs, log);
    if (ninstalled > 0) /* as the workers do for what the log brings them */
        program_refresh_indirect_for(b->p, installed_defs, ninstalled);
    bool any = false;
    for (int i = 0; i < b->n; i++) {
        b->dirty[i] = false;
        for (const int *c = b->callees[i]; *c >= 0 && !b->dirty[i]; c++)
            b->dirty[i] = changed[*c];
        any |= b->dirty[i];
    }
    free(changed);
    free(installed_defs);
    b->settled = !any || b->rounds >= BIG_ROUNDS;
    if (!b->settled)
        plan_round(b);
    return b->settled;
}

int big_finish(big_run *b)
{
    int rounds = b->rounds;
    for (int i = 0; i < b->n; i++) {
        model_clear(&b->next[i]);
        free(b->texts[i]);
        free(b->installed[i]);
        free(b->callees[i]);
    }
    free(b->callees);
    free(b->dirty);
    free(b->next);
    free(b->texts);
    free(b->installed);
    free(b->share_defs);
    free(b->share_members);
    free(b);
    return rounds;
}

int summarize_big(vc_program *p, const vc_config *cfg, const int *members, int n)
{
    big_run *b = big_begin(p, cfg, members, n);
    do {
        const int *defs;
        int count;
        for (int s; (s = big_take_share(b, &defs, &count)) >= 0;)
            big_share_here(b, s);
    } while (!big_end_round(b, NULL));
    return big_finish(b);
}
