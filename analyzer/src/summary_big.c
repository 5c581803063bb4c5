/* A large component (git's 3,473 functions tied together by callbacks) is summarized in
 * rounds: in each round the component is cut into BIG_SHARES fixed shares (contiguous runs of
 * its members), each share is analyzed in order against the summaries of the round's start for
 * the other shares, and the new summaries are installed together. The shares can run in any
 * number of processes, and the result does not depend on how many (the cut does not). */
#define _DEFAULT_SOURCE
#include "summary_big.h"

#include "fork_shares.h"
#include "summary_io.h"
#include "util.h"

#include <jansson.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>

/* Rounds: git's component settles after 14 (a call chain crosses shares once per round); the
 * cap only guards against summaries that never settle. */
enum { BIG_SHARES = 8, BIG_ROUNDS = 40 };

/* Lines "index summary-json": each summary goes to slots[index] (index < n). */
static bool read_summaries(FILE *in, vc_model *slots, int n)
{
    char *line = NULL;
    size_t cap = 0;
    bool ok = true;
    while (ok && getline(&line, &cap, in) > 0) {
        vc_model m = {0};
        int index;
        ok = summary_line_read(line, n, &index, &m, NULL);
        if (ok)
            summary_install(&slots[index], m);
        else
            model_clear(&m);
    }
    free(line);
    return ok;
}

static vc_model model_dup(const vc_model *m)
{
    vc_model out = {0};
    json_t *j = summary_json(m);
    summary_from_json(j, &out);
    json_decref(j);
    return out;
}

/* Shares go to whichever worker is free (the cost of a share is uneven: one slow function
 * decides it); the result does not depend on who did which. */
typedef struct {
    int next;
    int owner[BIG_SHARES]; /* -1: not taken */
} share_claims;

typedef struct {
    vc_program *p;
    const vc_config *cfg;
    const int *members;
    int n, workers;
    vc_model *start;      /* the round's starting summaries, one per member */
    vc_model *next;       /* the round's results */
    bool *dirty;          /* members whose callees' summaries changed in the last round */
    share_claims *claims; /* shared with the workers: which process took which share */
} big_round;

/* Share s: a contiguous run of members (callees come before their callers in the order, so a
 * chain of calls mostly stays in one share, where it propagates in one round). */
static int share_start(const big_round *r, int s)
{
    return (int)((long)r->n * s / BIG_SHARES);
}

/* Share s, in this process: its members in order, each seeing the round's start for the other
 * shares and this share's earlier results; then this share's members are put back. */
static void big_share(big_round *r, int s)
{
    for (int i = share_start(r, s); i < share_start(r, s + 1); i++) {
        if (!r->dirty[i])
            continue;
        vc_model next = {0};
        const vc_function_ref *d = &r->p->defs[r->members[i]];
        flow_analyze(r->p, d->unit, d->index, r->cfg, NULL, &next);
        summary_install(&r->next[i], model_dup(&next));
        summary_install(&r->p->summaries[r->members[i]], next);
    }
    for (int i = share_start(r, s); i < share_start(r, s + 1); i++)
        if (r->dirty[i])
            summary_install(&r->p->summaries[r->members[i]], model_dup(&r->start[i]));
}

static int take_share(big_round *r, int k)
{
    int s = __atomic_fetch_add(&r->claims->next, 1, __ATOMIC_RELAXED);
    if (s >= BIG_SHARES)
        return -1;
    __atomic_store_n(&r->claims->owner[s], k, __ATOMIC_RELAXED);
    return s;
}

static void big_work(void *ctx, int k, FILE *out)
{
    big_round *r = ctx;
    for (int s = take_share(r, k); s >= 0; s = take_share(r, k)) {
        big_share(r, s);
        for (int i = share_start(r, s); i < share_start(r, s + 1); i++) {
            if (r->dirty[i])
                summary_line_write(out, i, &r->next[i]);
        }
    }
}

static bool big_collect(void *ctx, int k, FILE *in)
{
    (void)k;
    big_round *r = ctx;
    return read_summaries(in, r->next, r->n);
}

/* Worker k's shares (its results unusable), or with k < 0 the shares nobody took. */
static void big_redo(void *ctx, int k)
{
    big_round *r = ctx;
    for (int s = 0; s < BIG_SHARES; s++)
        if (r->claims->owner[s] == k)
            big_share(r, s);
}

static void run_round(big_round *r)
{
    if (r->workers <= 1 || !r->claims) {
        for (int s = 0; s < BIG_SHARES; s++)
            big_share(r, s);
        return;
    }
    r->claims->next = 0;
    for (int s = 0; s < BIG_SHARES; s++)
        r->claims->owner[s] = -1;
    fork_share_ops ops = {big_work, big_collect, big_redo, r};
    fork_shares(r->workers, &ops);
    big_redo(r, -1);
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

int summarize_big(vc_program *p, const vc_config *cfg, const int *members, int n)
{
    int rounds = 0;
    big_round r = {p, cfg, members, n, cfg->workers > 1 ? cfg->workers : 1, NULL, NULL, NULL, NULL};
    if (r.workers > BIG_SHARES)
        r.workers = BIG_SHARES;
    if (r.workers > 1) {
        r.claims =
            mmap(NULL, sizeof *r.claims, PROT_READ | PROT_WRITE, MAP_SHARED | MAP_ANONYMOUS, -1, 0);
        if (r.claims == MAP_FAILED)
            r.claims = NULL;
    }
    r.start = xcalloc((size_t)n, sizeof *r.start);
    r.next = xcalloc((size_t)n, sizeof *r.next);
    r.dirty = xmalloc((size_t)n * sizeof *r.dirty);
    bool *changed = xcalloc((size_t)n, sizeof *changed);
    int *changed_defs = xmalloc((size_t)n * sizeof *changed_defs);
    int **callees = member_callees(p, members, n);
    for (int i = 0; i < n; i++)
        r.dirty[i] = true;
    for (int round = 0; round < BIG_ROUNDS; round++) {
        rounds++;
        for (int i = 0; i < n; i++)
            if (r.dirty[i])
                summary_install(&r.start[i], model_dup(&p->summaries[members[i]]));
        run_round(&r);
        int nchanged = 0;
        for (int i = 0; i < n; i++) {
            changed[i] = r.dirty[i] && !program_same_summary(&r.next[i], &r.start[i]);
            if (changed[i])
                changed_defs[nchanged++] = members[i];
            if (r.dirty[i]) {
                summary_install(&p->summaries[members[i]], r.next[i]);
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
    if (r.claims)
        munmap(r.claims, sizeof *r.claims);
    return rounds;
}
