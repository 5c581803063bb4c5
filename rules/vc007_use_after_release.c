/* VC007 use-after-release: a handle used after it gave up its reference; a raw data pointer used
 * after its array's memory was freed or moved by a resize. */
#include "rule_util.h"

static void on_event(vc_flow *f, const vc_event *ev);

const vc_rule vc_rule_vc007 = {"VC007",  "use-after-release",
                               "error",  "a handle is used after its reference was released",
                               on_event, NULL};

static int data_origin(const vc_flow *f, int obj)
{
    int o = rule_unaliased(f, obj);
    return flow_object(f, o)->kind == OBJ_DATA ? o : -1;
}

static void dangling_use(vc_flow *f, const vc_event *ev, int data)
{
    vc_objstate *d = flow_state(f, data);
    if (!d->dangling)
        return;
    if (flow_reporting(f)) {
        bool may = d->dangling == TRI_MAY || ev->may || flow_exists_may(f, data);
        vc_finding *fd = flow_report(
            f, &vc_rule_vc007, ev->loc, may,
            rule_fmt("raw pointer '%s' into '%s' %s used after its memory was released or "
                     "resized at line %u",
                     flow_name(f, ev->obj), rule_base_name(f, data), may ? "may be" : "is",
                     d->dangling_at.line));
        flow_note(f, fd, d->dangling_at, rule_fmt("memory released or moved here"));
        flow_note(f, fd, flow_object(f, data)->created,
                  rule_fmt("'%s' taken here", flow_name(f, data)));
    }
    d->dangling = TRI_NO;
}

/* Per release: each handle's first consequence on each path; its older generations (twins)
 * share its root cause; a callee's "may" release has one finding in all. */
static bool first_consequence(vc_flow *f, const vc_objstate *r, int ref)
{
    return flow_once_for(f, "VC007", r->released_at, r->release_uncertain ? -1 : ref);
}

/* One root cause, one finding, at its first consequence on each path: the state says on which
 * paths the release has had none yet (a release in a loop followed by a use in the same
 * iteration is reported at that use, not when the release comes round again). The older
 * generations of a handle (a twin split at a join) share the root cause with it; and a release
 * the callee only may do has one finding in all: the paths that differ are mostly the ones
 * where it did not happen. */
static void released_use(vc_flow *f, const vc_event *ev, bool again)
{
    int ref = flow_object(f, ev->obj)->ref;
    vc_objstate *r = flow_state(f, ref);
    if (!r->released || r->release_pending == TRI_NO)
        return;
    r->release_pending = TRI_NO;
    if (flow_reporting(f) && first_consequence(f, r, ref)) {
        bool may = r->released == TRI_MAY || ev->may || flow_exists_may(f, ref);
        vc_finding *fd =
            flow_report(f, &vc_rule_vc007, ev->loc, may,
                        rule_fmt("'%s' %s %s after it was released at line %u",
                                 flow_name(f, ev->obj), may ? "may be" : "is",
                                 again ? "released again" : "used", r->released_at.line));
        flow_note(f, fd, r->released_at, rule_fmt("'%s' released here", flow_name(f, ref)));
        flow_note_cause(f, fd, r->released_cause);
        flow_note_cause(f, fd, ev->cause);
    }
}

/* Frees the memory when no reference to it is left: raw pointers into it dangle. */
static void maybe_free_memory(vc_flow *f, int root, vc_loc at)
{
    uint8_t all = TRI_MUST;
    for (int o = root; o >= 0; o = flow_next_of_root(f, o)) {
        const vc_object *x = flow_object(f, o);
        vc_objstate *s = flow_state(f, o);
        if (!x->holds_ref || !s->exists)
            continue;
        if (s->released < all)
            all = s->released;
    }
    if (!all)
        return;
    for (int o = root; o >= 0; o = flow_next_of_root(f, o)) {
        vc_objstate *s = flow_state(f, o);
        if (flow_object(f, o)->kind == OBJ_DATA && s->exists) {
            s->dangling = all;
            s->dangling_at = at;
        }
    }
}

static void release(vc_flow *f, const vc_event *ev)
{
    released_use(f, ev, true);
    int ref = flow_object(f, ev->obj)->ref;
    vc_objstate *r = flow_state(f, ref);
    if (!r->released) {
        r->released = tri_set(ev->may);
        r->released_at = ev->loc;
        r->released_cause = ev->cause;
        r->release_pending = r->released;
        r->release_uncertain = ev->may;
    } else if (r->released == TRI_MAY) { /* released now also on the paths that had not */
        r->released = tri_set(ev->may);
        r->release_pending = TRI_MAY;
        r->release_uncertain |= ev->may;
    }
    maybe_free_memory(f, flow_object(f, ev->obj)->root, ev->loc);
}

static void on_event(vc_flow *f, const vc_event *ev)
{
    if (ev->kind == EV_CREATE || ev->summarized ||
        flow_object(f, flow_object(f, ev->obj)->root)->list_node)
        return; /* one abstract handle stands for every element: releases are not countable */
    if (ev->kind == EV_RELEASE) {
        release(f, ev);
        return;
    }
    int data = data_origin(f, ev->obj);
    if (data >= 0)
        dangling_use(f, ev, data);
    else
        released_use(f, ev, false);
}
