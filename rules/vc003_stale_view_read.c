/* VC003 stale-view-read: a derived handle is read after the memory it covers was written through
 * a handle that is neither it nor derived from it. */
#include "rule_util.h"

enum { MAX_ARG_OBJECTS = 64 };

static void on_event(vc_flow *f, const vc_event *ev);
static void on_call(vc_flow *f, const vc_instr *call, const vc_model *m);

const vc_rule vc_rule_vc003 = {
    "VC003",   "stale-view-read",
    "warning", "a view is read after its memory changed through another handle",
    on_event,  on_call};

static void mark_stale(vc_flow *f, const vc_event *ev)
{
    if (rule_under_maybe_view(f, ev->obj))
        return;                               /* whether it writes the source is VC005's question */
    int root = flow_object(f, ev->obj)->root; /* other memories are disjoint */
    for (int v = root; v >= 0; v = flow_next_of_root(f, v)) {
        vc_objstate *s = flow_state(f, v);
        if (!s->exists || v == ev->obj || flow_object(f, v)->offset || !rule_is_derived(f, v) ||
            flow_derived_from(f, ev->obj, rule_unaliased(f, v)) || s->released == TRI_MUST)
            continue;
        vc_relation r = flow_relation(f, v, ev->obj);
        if (r == REL_DISJOINT || flow_exclusive(f, v, ev->obj))
            continue;
        s->stale = tri_set(ev->may || r == REL_MAY_OVERLAP);
        s->stale_at = ev->loc;
        s->stale_by = ev->obj;
    }
}

static void on_event(vc_flow *f, const vc_event *raw)
{
    vc_event handle_event;
    if (!rule_handle_event(f, raw, &handle_event))
        return;
    const vc_event *ev = &handle_event;
    vc_objstate *s = flow_state(f, ev->obj);
    switch (ev->kind) {
    case EV_WRITE:
        mark_stale(f, ev);
        break;
    case EV_READ:
        if (!s->stale)
            break;
        if (flow_reporting(f)) {
            bool may = s->stale == TRI_MAY || ev->may || flow_exists_may(f, ev->obj);
            int base = flow_object(f, ev->obj)->parent;
            vc_finding *fd = flow_report(
                f, &vc_rule_vc003, ev->loc, may,
                rule_fmt("'%s' %s stale: it is read after its memory was changed through '%s' at "
                         "line %u ('%s' is derived from '%s' at line %u; a copy may have been "
                         "meant)",
                         flow_name(f, ev->obj), may ? "may be" : "is", flow_name(f, s->stale_by),
                         s->stale_at.line, flow_name(f, ev->obj),
                         base >= 0 ? flow_name(f, base) : "?",
                         flow_object(f, ev->obj)->created.line));
            flow_note(f, fd, flow_object(f, ev->obj)->created,
                      rule_fmt("'%s' created here", flow_name(f, ev->obj)));
            flow_note(f, fd, s->stale_at,
                      rule_fmt("memory of '%s' written through '%s' here", flow_name(f, ev->obj),
                               flow_name(f, s->stale_by)));
        }
        s->stale = TRI_NO;
        break;
    case EV_RELEASE:
    case EV_CREATE:
        s->stale = TRI_NO;
        break;
    case EV_USE:
        break;
    }
}

/* Arguments p and q of a callee that reads a view of p after writing q: the same memory here
 * makes that view stale inside the callee. */
static bool arguments_meet(vc_flow *f, const vc_instr *call, const vc_effect *e, bool *may, int *pa,
                           int *pb)
{
    int a[MAX_ARG_OBJECTS], b[MAX_ARG_OBJECTS];
    int na = flow_effect_objects(f, call, &e->args[0], a, MAX_ARG_OBJECTS);
    int nb = flow_effect_objects(f, call, &e->args[1], b, MAX_ARG_OBJECTS);
    for (int x = 0; x < na; x++)
        for (int y = 0; y < nb; y++) {
            vc_relation r = flow_relation(f, a[x], b[y]);
            if (r == REL_DISJOINT || (a[x] != b[y] && flow_exclusive(f, a[x], b[y])))
                continue;
            *may = e->may || r == REL_MAY_OVERLAP || flow_exists_may(f, a[x]) ||
                   flow_exists_may(f, b[y]);
            *pa = a[x];
            *pb = b[y];
            return true;
        }
    return false;
}

static void on_call(vc_flow *f, const vc_instr *call, const vc_model *m)
{
    for (int i = 0; m && flow_reporting(f) && i < m->neffects; i++) {
        const vc_effect *e = &m->effects[i];
        bool may = false;
        int a = -1, b = -1;
        if (e->kind != FX_STALE_READ || e->args[0].path || e->args[1].path ||
            !arguments_meet(f, call, e, &may, &a, &b))
            continue;
        int pa = e->args[0].param + 1, pq = e->args[1].param + 1;
        char *msg =
            a == b ? rule_fmt("'%s' is passed to '%s' as arguments %d and %d: inside, a view of "
                              "argument %d is read after argument %d was written, so that view "
                              "%s stale",
                              flow_name(f, a), call->callee_name, pq, pa, pa, pq,
                              may ? "may be" : "is")
                   : rule_fmt("'%s' and '%s' %s memory in this call to '%s': inside, a view of "
                              "argument %d is read after argument %d was written, so that view "
                              "%s stale",
                              flow_name(f, a), flow_name(f, b), may ? "may share" : "share",
                              call->callee_name, pa, pq, may ? "may be" : "is");
        vc_finding *fd = flow_report(f, &vc_rule_vc003, call->loc, may, msg);
        flow_note_cause(f, fd, e);
        return;
    }
}
