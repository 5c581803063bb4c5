/* One strongly connected component of the call graph summarized to a fixpoint, and, when asked,
 * its functions checked: in each round the members that call a member whose summary changed in
 * the last are analyzed again (all of them in the first). An analysis that also collects
 * findings gives the check's findings when no summary it depends on changed after it started,
 * so a member is checked again only when that is not so. */
#include "analysis.h"

#include "util.h"

#include <stdlib.h>

enum { MAX_ROUNDS = 10 };

typedef struct {
    vc_program *p;
    const vc_config *cfg;
    const int *members;
    int n;
    vc_findings *found; /* per member, or NULL: summaries only */
    int *analyzed_at;   /* per member: the stamp of its latest analysis */
    int *changed_at;    /* per member: the stamp its latest new summary became visible at */
    int stamp;
} scc_run;

typedef struct {
    const scc_run *r;
    int def, since;
    bool hit;
} callee_query;

static void is_itself(void *ctx, int callee)
{
    callee_query *q = ctx;
    q->hit |= callee == q->def;
}

bool program_calls_itself(const vc_program *p, int def)
{
    callee_query q = {NULL, def, 0, false};
    program_for_each_callee(p, def, is_itself, &q);
    return q.hit;
}

static void changed_since(void *ctx, int callee)
{
    callee_query *q = ctx;
    for (int j = 0; j < q->r->n && !q->hit; j++)
        q->hit = q->r->members[j] == callee && q->r->changed_at[j] >= q->since;
}

/* Some member that member i calls got a new summary at stamp `since` or later. */
static bool callees_changed_since(const scc_run *r, int i, int since)
{
    callee_query q = {r, r->members[i], since, false};
    program_for_each_callee(r->p, r->members[i], changed_since, &q);
    return q.hit;
}

/* True when the member's summary changed. */
static bool analyze_member(scc_run *r, int i)
{
    vc_model next = {0};
    vc_findings got = {0};
    const vc_function_ref *d = &r->p->defs[r->members[i]];
    r->analyzed_at[i] = ++r->stamp;
    flow_analyze(r->p, d->unit, d->index, r->cfg, r->found ? &got : NULL, &next);
    if (r->found) {
        findings_free(&r->found[i]);
        r->found[i] = got;
    }
    vc_model *now = &r->p->summaries[r->members[i]];
    if (program_same_summary(&next, now)) {
        model_clear(&next);
        return false;
    }
    model_clear(now);
    *now = next;
    return true;
}

static void rounds(scc_run *r)
{
    int *changed_defs = xmalloc((size_t)r->n * sizeof *changed_defs);
    bool *dirty = xmalloc((size_t)r->n * sizeof *dirty);
    for (int i = 0; i < r->n; i++)
        dirty[i] = true;
    for (int round = 0; round < MAX_ROUNDS; round++) {
        int nchanged = 0, round_end;
        for (int i = 0; i < r->n; i++)
            if (dirty[i] && analyze_member(r, i))
                changed_defs[nchanged++] = r->members[i];
        if (nchanged == 0)
            break;
        program_refresh_indirect_for(r->p, changed_defs, nchanged);
        round_end = ++r->stamp; /* the new summaries are all visible from here on */
        for (int i = 0, k = 0; i < r->n && k < nchanged; i++)
            if (r->members[i] == changed_defs[k]) {
                r->changed_at[i] = round_end;
                k++;
            }
        bool any = false;
        for (int i = 0; i < r->n; i++) {
            dirty[i] = callees_changed_since(r, i, round_end);
            any |= dirty[i];
        }
        if (!any)
            break;
    }
    free(changed_defs);
    free(dirty);
}

static void run(vc_program *p, const vc_config *cfg, const int *members, int n, vc_findings *found)
{
    if (n <= 0)
        return;
    scc_run r = {
        p, cfg, members, n, found, xcalloc((size_t)n, sizeof(int)), xcalloc((size_t)n, sizeof(int)),
        0};
    for (int i = 0; i < n; i++)
        r.changed_at[i] = -1;
    rounds(&r);
    for (int i = 0; found && i < n; i++) {
        if (!callees_changed_since(&r, i, r.analyzed_at[i]))
            continue;
        const vc_function_ref *d = &p->defs[members[i]];
        findings_free(&found[i]);
        flow_analyze(p, d->unit, d->index, cfg, &found[i], NULL);
    }
    free(r.analyzed_at);
    free(r.changed_at);
}

void program_summarize_scc(vc_program *p, const vc_config *cfg, const int *members, int n)
{
    run(p, cfg, members, n, NULL);
}

void program_summarize_and_check(vc_program *p, const vc_config *cfg, const int *members, int n,
                                 vc_findings *found)
{
    run(p, cfg, members, n, found);
}
