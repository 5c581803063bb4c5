/* VC005 maybe-view-write: a write through the result of a maybe-view, then a read of its source:
 * whether the source changed depends on the layout at run time. */
#include "rule_util.h"

static void on_event(vc_flow *f, const vc_event *ev);

const vc_rule vc_rule_vc005 = {"VC005",
                               "maybe-view-write",
                               "warning",
                               "a write through a reshape/ravel/ascontiguous result that may or "
                               "may not be a view, then a read of its source",
                               on_event,
                               NULL};

static void mark_written(vc_flow *f, const vc_event *ev)
{
    for (int o = ev->obj; o >= 0; o = flow_object(f, o)->parent) {
        if (flow_object(f, o)->kind != OBJ_MAYBE_VIEW)
            continue;
        vc_objstate *s = flow_state(f, o);
        if (!s->mv_wrote) {
            s->mv_wrote = tri_set(ev->may);
            s->mv_wrote_at = ev->loc;
        }
    }
}

static void source_read(vc_flow *f, const vc_event *ev)
{
    if (flow_count_of_kind(f, OBJ_MAYBE_VIEW) == 0)
        return;                               /* only maybe-views are marked written */
    int root = flow_object(f, ev->obj)->root; /* other memories are disjoint */
    for (int m = root; m >= 0; m = flow_next_of_root(f, m)) {
        vc_objstate *s = flow_state(f, m);
        if (!s->exists || !s->mv_wrote || flow_derived_from(f, ev->obj, m))
            continue;
        vc_relation r = flow_relation(f, m, ev->obj);
        if (r == REL_DISJOINT)
            continue;
        if (flow_reporting(f)) {
            const char *src = flow_name(f, flow_object(f, m)->parent);
            vc_finding *fd = flow_report(
                f, &vc_rule_vc005, s->mv_wrote_at, true,
                rule_fmt("write through '%s' may or may not change '%s': '%s' is a maybe-view "
                         "(a view or a copy depending on the memory layout) created at line %u, "
                         "and '%s' is read at line %u",
                         flow_name(f, m), src, flow_name(f, m), flow_object(f, m)->created.line,
                         flow_name(f, ev->obj), ev->loc.line));
            flow_note(f, fd, flow_object(f, m)->created,
                      rule_fmt("'%s' created here from '%s'", flow_name(f, m), src));
            flow_note(f, fd, ev->loc, rule_fmt("'%s' read here", flow_name(f, ev->obj)));
        }
        s->mv_wrote = TRI_NO;
    }
}

static void on_event(vc_flow *f, const vc_event *ev)
{
    switch (ev->kind) {
    case EV_WRITE:
        mark_written(f, ev);
        break;
    case EV_READ:
        source_read(f, ev);
        break;
    case EV_CREATE:
        flow_state(f, ev->obj)->mv_wrote = TRI_NO;
        break;
    case EV_RELEASE:
    case EV_USE:
        break;
    }
}
