/* VC004 base-mutated-through-view: V writes, another handle reads that memory, then V is used
 * again. The finding goes on V's write. */
#include "rule_util.h"

static void on_event(vc_flow *f, const vc_event *ev);

const vc_rule vc_rule_vc004 = {"VC004",
                               "base-mutated-through-view",
                               "warning",
                               "a write through a view changes memory that another handle reads "
                               "while the view stays in use",
                               on_event,
                               NULL};

static bool is_v(const vc_flow *f, int obj)
{
    return rule_is_derived(f, obj) && !rule_under_maybe_view(f, obj);
}

static void report_write(vc_flow *f, const vc_event *ev, vc_objstate *s, vc_loc wrote_at,
                         bool first)
{
    {
        bool may = s->observed == TRI_MAY || s->wrote == TRI_MAY || ev->may ||
                   flow_exists_may(f, ev->obj) || !first;
        const char *v = flow_name(f, ev->obj), *b = flow_name(f, s->observed_by);
        int parent = rule_unaliased(f, ev->obj);
        parent = flow_object(f, parent)->parent >= 0 ? flow_object(f, parent)->parent : parent;
        vc_finding *fd = flow_report(
            f, &vc_rule_vc004, wrote_at, may,
            rule_fmt("write through '%s' %s '%s' (%s is derived from %s at line %u); '%s' is "
                     "read at line %u and '%s' is used again at line %u",
                     v, may ? "may mutate" : "mutates", b, v, flow_name(f, parent),
                     flow_object(f, ev->obj)->created.line, b, s->observed_at.line, v,
                     ev->loc.line));
        flow_note(f, fd, flow_object(f, ev->obj)->created, rule_fmt("'%s' created here", v));
        if (first)
            flow_note_cause(f, fd, s->wrote_cause);
        flow_note(f, fd, s->observed_at, rule_fmt("'%s' read here", b));
        flow_note(f, fd, ev->loc, rule_fmt("'%s' used again here", v));
    }
}

/* Keeps the episodes whose bit is not in `drop` (bit 0: wrote_at's, 1 + i: wrote_also[i]'s),
 * the first of them as wrote_at; false when none is left. */
static bool keep_episodes(vc_objstate *s, uint8_t drop)
{
    vc_loc loc[4] = {{0}};
    int block[4] = {0};
    uint8_t observed = 0, around = 0;
    int n = 0;
    for (int i = -1; i < s->nwrote_also; i++) {
        uint8_t bit = (uint8_t)(1u << (i + 1));
        if (drop & bit)
            continue;
        loc[n] = i < 0 ? s->wrote_at : s->wrote_also[i];
        block[n] = i < 0 ? s->wrote_block : s->wrote_also_block[i];
        observed |= (s->observed_writes & bit) ? (uint8_t)(1u << n) : 0;
        around |= (s->around_writes & bit) ? (uint8_t)(1u << n) : 0;
        n++;
    }
    bool main_kept = !(drop & 1);
    s->nwrote_also = 0;
    s->observed_writes = observed;
    s->around_writes = around;
    if (n == 0)
        return false;
    if (!main_kept) { /* another path's first write leads now */
        s->wrote_at = loc[0];
        s->wrote_block = block[0];
        s->wrote_stmt = UINT32_MAX;
        s->wrote_around = 0;
        s->wrote_cause = NULL;
    }
    for (int i = 1; i < n; i++) {
        s->wrote_also[s->nwrote_also] = loc[i];
        s->wrote_also_block[s->nwrote_also++] = block[i];
    }
    return true;
}

/* Keeps the episodes the base was not read in (on other paths). */
static void keep_unobserved(vc_objstate *s)
{
    bool left = keep_episodes(s, s->observed_writes);
    s->observed = TRI_NO;
    s->observed_writes = 0;
    s->wrote = left ? TRI_MAY : TRI_NO;
}

/* The first write of each episode the base was read in is reported (several when paths with
 * other first writes joined); the episodes of other paths go on. */
static void report_use(vc_flow *f, const vc_event *ev, vc_objstate *s)
{
    if (!s->observed)
        return;
    if (flow_reporting(f)) {
        if (s->observed_writes & 1)
            report_write(f, ev, s, s->wrote_at, true);
        for (int i = 0; i < s->nwrote_also; i++)
            if (s->observed_writes >> (i + 1) & 1)
                report_write(f, ev, s, s->wrote_also[i], false);
    }
    keep_unobserved(s);
}

static void observe(vc_flow *f, const vc_event *ev)
{
    int root = flow_object(f, ev->obj)->root; /* other memories are disjoint */
    for (int v = root; v >= 0; v = flow_next_of_root(f, v)) {
        vc_objstate *s = flow_state(f, v);
        if (!s->exists || !s->wrote || v == ev->obj || flow_object(f, v)->offset || !is_v(f, v) ||
            flow_derived_from(f, ev->obj, v) || s->wrote_stmt == ev->stmt ||
            flow_in_loop_around(f, s, ev->block))
            continue;
        vc_relation r = flow_relation(f, v, ev->obj);
        if (r == REL_DISJOINT || flow_exclusive(f, v, ev->obj))
            continue;
        if (!s->observed)
            s->observed_at = ev->loc;
        s->observed = tri_set(ev->may || r == REL_MAY_OVERLAP || s->wrote == TRI_MAY);
        s->observed_by = ev->obj;
        s->observed_writes = (uint8_t)((2u << s->nwrote_also) - 1); /* every episode */
    }
}

static void wrote(const vc_event *ev, vc_objstate *s)
{
    uint8_t all = (uint8_t)((2u << s->nwrote_also) - 1);
    if (s->wrote && s->around_writes && (s->around_writes & all) != all &&
        keep_episodes(s, s->around_writes)) {
        /* the episodes that went around their loop end: this write begins theirs anew */
        flow_add_write(s, ev->loc, ev->block, false, false);
        s->wrote = tri_set(ev->may);
        return;
    }
    if (s->wrote == TRI_MAY && !s->wrote_around) {
        flow_add_write(s, ev->loc, ev->block, false, false); /* the first write on the paths
                                                              * that had none */
        s->wrote = tri_set(ev->may);
        return;
    }
    if (s->wrote && !s->wrote_around)
        return; /* the first write of this episode is the one reported */
    s->wrote = tri_set(ev->may);
    s->wrote_at = ev->loc;
    s->wrote_block = ev->block;
    s->wrote_stmt = ev->stmt;
    s->wrote_around = 0;
    s->wrote_cause = ev->cause;
    s->nwrote_also = 0;
    s->observed_writes = 0;
    s->around_writes = 0;
}

static void on_event(vc_flow *f, const vc_event *raw)
{
    vc_event handle_event;
    if (!rule_handle_event(f, raw, &handle_event))
        return;
    const vc_event *ev = &handle_event;
    vc_objstate *s = flow_state(f, ev->obj);
    bool v = is_v(f, ev->obj);
    switch (ev->kind) {
    case EV_WRITE:
        if (v) {
            report_use(f, ev, s);
            wrote(ev, s);
        }
        break;
    case EV_READ:
        if (v)
            report_use(f, ev, s);
        observe(f, ev);
        break;
    case EV_RELEASE:
    case EV_CREATE:
        s->wrote = s->observed = TRI_NO;
        s->nwrote_also = 0;
        s->observed_writes = 0;
        s->around_writes = 0;
        break;
    case EV_USE:
        break;
    }
}
