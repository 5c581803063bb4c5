/* A question a summary leaves to its callers: a view of one parameter, made before another
 * parameter is written and read after it, is stale when the caller passes the same memory for
 * both (rules.md: parameters do not alias unless a call makes them). */
#include "flow.h"

#include "util.h"

#include <stdlib.h>

enum { MAX_TRACKED_PARAMS = 32 };

static int tracked_param(const vc_flow *f, int obj)
{
    const vc_object *root = flow_object(f, flow_object(f, obj)->root);
    if (root->kind != OBJ_PARAM || root->path || root->param_index < 0 ||
        root->param_index >= MAX_TRACKED_PARAMS)
        return -1;
    return root->param_index;
}

/* Views and data pointers made here; not plain pointer copies or cursors, whose regions inside
 * the caller's buffers a summary cannot say. */
static bool made_here(const vc_object *x)
{
    return x->parent >= 0 && (x->kind == OBJ_VIEW || x->kind == OBJ_DATA) && !x->offset;
}

static void written(vc_flow *f, const vc_event *ev, int q)
{
    for (int r = 0; r < flow_nroots(f); r++) {
        int root = flow_root(f, r), p = tracked_param(f, root);
        if (p < 0 || p == q)
            continue; /* the views of other parameters, not of q itself */
        for (int v = root; v >= 0; v = flow_next_of_root(f, v)) {
            vc_objstate *s = flow_state(f, v);
            if (!s->exists || !made_here(flow_object(f, v)))
                continue;
            if (!s->alias_stale)
                s->alias_stale_at = ev->loc;
            s->alias_stale |= 1u << q;
        }
    }
}

static vc_step step_at(vc_flow *f, vc_loc at, char *message)
{
    return (vc_step){xstrdup(flow_file(f, at)), at.line, at.col, message};
}

static bool known(const vc_model *m, int p, int q)
{
    for (int i = 0; i < m->neffects; i++)
        if (m->effects[i].kind == FX_STALE_READ && m->effects[i].args[0].param == p &&
            m->effects[i].args[1].param == q && !m->effects[i].args[0].path)
            return true;
    return false;
}

static const char *param_name(const vc_flow *f, int q)
{
    for (int o = 0; o < flow_nobjects(f); o++) {
        const vc_object *x = flow_object(f, o);
        if (x->kind == OBJ_PARAM && x->parent < 0 && x->param_index == q && !x->path)
            return x->name;
    }
    return "?";
}

static void read_stale(vc_flow *f, const vc_event *ev, int p)
{
    const vc_objstate *s = flow_state(f, ev->obj);
    vc_model *m = flow_summary(f);
    for (int q = 0; q < MAX_TRACKED_PARAMS; q++) {
        if (!(s->alias_stale >> q & 1) || known(m, p, q))
            continue;
        vc_effect e = {.kind = FX_STALE_READ, .nargs = 2, .may = ev->may};
        e.args[0].param = p;
        e.args[1].param = q;
        e.trace = xcalloc(2, sizeof *e.trace);
        e.trace[0] =
            step_at(f, s->alias_stale_at,
                    xasprintf("in '%s': '%s' written after '%s' was made", flow_function(f)->name,
                              param_name(f, q), flow_name(f, ev->obj)));
        e.trace[1] =
            step_at(f, ev->loc, flow_step_text(f, flow_name(f, ev->obj), "read", ev->callee));
        e.ntrace = 2;
        model_add_effect(m, e);
    }
}

void flow_track_alias_staleness(vc_flow *f, const vc_event *ev)
{
    if (flow_function(f)->nparams < 2)
        return; /* no second parameter to alias the first (every event passes here) */
    int p = tracked_param(f, ev->obj);
    if (p < 0)
        return;
    if (ev->kind == EV_WRITE)
        written(f, ev, p);
    else if (ev->kind == EV_READ && made_here(flow_object(f, ev->obj)) &&
             flow_state(f, ev->obj)->alias_stale)
        read_stale(f, ev, p);
}

void flow_stale_read_passed(vc_flow *f, const vc_instr *call, const vc_effect *e, vc_effect *out)
{
    out->may = e->may;
    out->ntrace = e->ntrace + 1;
    out->trace = xcalloc((size_t)out->ntrace, sizeof *out->trace);
    out->trace[0] = step_at(f, call->loc,
                            xasprintf("in '%s': '%s' and '%s' passed to '%s'",
                                      flow_function(f)->name, param_name(f, out->args[0].param),
                                      param_name(f, out->args[1].param), call->callee_name));
    vc_step *inner = steps_copy(e->trace, e->ntrace);
    for (int i = 0; i < e->ntrace; i++)
        out->trace[i + 1] = inner[i];
    free(inner);
}
