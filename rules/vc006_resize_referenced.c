/* VC006 resize-referenced: nda_resize (an `unreferenced` contract) on an array that is a view or
 * may have another live reference. */
#include "rule_util.h"

enum { MAX_ARG_OBJECTS = 64 };

static void on_call(vc_flow *f, const vc_instr *call, const vc_model *m);

const vc_rule vc_rule_vc006 = {
    "VC006", "resize-referenced",
    "error", "a resize of an array that is a view or has other live references",
    NULL,    on_call};

/* Another live reference to the memory of `obj`: a view, a retain, an ascontiguous result. */
static int other_reference(vc_flow *f, int ref, bool *may)
{
    for (int o = flow_object(f, ref)->root; o >= 0; o = flow_next_of_root(f, o)) {
        const vc_object *x = flow_object(f, o);
        vc_objstate *s = flow_state(f, o);
        if (o == ref || !s->exists || !x->holds_ref || s->released == TRI_MUST)
            continue;
        *may = s->released == TRI_MAY || s->exists == TRI_MAY || x->kind == OBJ_MAYBE_VIEW;
        return o;
    }
    return -1;
}

static void check(vc_flow *f, const vc_instr *call, const vc_effect *e, int obj, bool several)
{
    int ref = flow_object(f, obj)->ref;
    const vc_object *r = flow_object(f, ref);
    bool may = several || flow_exists_may(f, obj);
    vc_finding *fd;
    if (r->kind == OBJ_VIEW || r->kind == OBJ_MAYBE_VIEW) {
        may |= r->kind == OBJ_MAYBE_VIEW;
        fd = flow_report(f, &vc_rule_vc006, call->loc, may,
                         rule_fmt("'%s' %s a view of '%s': resizing it fails with "
                                  "NDA_EREFERENCED",
                                  flow_name(f, obj), may ? "may be" : "is",
                                  flow_name(f, r->parent)));
        flow_note(f, fd, r->created, rule_fmt("'%s' created here", flow_name(f, ref)));
        flow_note_cause(f, fd, e);
        return;
    }
    bool other_may = false;
    int other = other_reference(f, ref, &other_may);
    if (other < 0)
        return;
    may |= other_may;
    const vc_object *o = flow_object(f, other);
    fd = flow_report(
        f, &vc_rule_vc006, call->loc, may,
        rule_fmt("'%s' %s another live reference ('%s', %s at line %u): resizing it fails with "
                 "NDA_EREFERENCED",
                 flow_name(f, obj), may ? "may have" : "has", o->name,
                 o->parent < 0             ? "its owner"
                 : o->kind == OBJ_RETAINED ? "a new reference"
                                           : "a view",
                 o->created.line));
    flow_note(f, fd, o->created, rule_fmt("'%s' created here", o->name));
    flow_note_cause(f, fd, e);
}

static void on_call(vc_flow *f, const vc_instr *call, const vc_model *m)
{
    if (!flow_reporting(f))
        return;
    for (int i = 0; m && i < m->neffects; i++) {
        if (m->effects[i].kind != FX_UNREFERENCED)
            continue;
        int objs[MAX_ARG_OBJECTS];
        int n = flow_effect_objects(f, call, &m->effects[i].args[0], objs, MAX_ARG_OBJECTS);
        for (int k = 0; k < n; k++)
            check(f, call, &m->effects[i], objs[k], n > 1);
    }
}
