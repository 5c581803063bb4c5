/* VC002 overlapping-operands: a call whose contract forbids overlap gets overlapping arguments. */
#include "rule_util.h"

#include <stdlib.h>

enum { MAX_ARG_OBJECTS = 64 };

static void on_call(vc_flow *f, const vc_instr *call, const vc_model *m);

const vc_rule vc_rule_vc002 = {"VC002", "overlapping-operands",
                               "error", "arguments overlap where the callee's contract forbids it",
                               NULL,    on_call};

/* The part of an argument's memory the call touches: all of it, or, with an extent effect
 * (memcpy's length) on a plain buffer, that many bytes from where it points. */
static vc_region touched(vc_flow *f, const vc_instr *call, const vc_model *m, int arg, int obj)
{
    vc_region r = flow_object(f, obj)->region;
    int32_t size = arg < call->nargs ? call->args[arg].elem_size : 0;
    for (int i = 0; m && i < m->neffects; i++) {
        const vc_effect *e = &m->effects[i];
        int64_t bytes;
        if (e->kind != FX_EXTENT || e->args[0].param != arg || e->args[0].path || size <= 0 ||
            !flow_effect_value(call, e, 1, &bytes) || bytes < 0 || bytes % size != 0 ||
            !flow_is_raw_buffer(f, obj))
            continue;
        r = region_slice_bounds(r, 0, true, bound_const(0), bound_const(bytes / size), 1, true);
    }
    return r;
}

/* How the arguments of one contract relate: the worst pair decides. */
static bool conflict(vc_flow *f, const vc_instr *call, const vc_model *m, const vc_effect *e,
                     bool *may, int *pa, int *pb)
{
    int a[MAX_ARG_OBJECTS], b[MAX_ARG_OBJECTS];
    int na = flow_effect_objects(f, call, &e->args[0], a, MAX_ARG_OBJECTS);
    int nb = flow_effect_objects(f, call, &e->args[1], b, MAX_ARG_OBJECTS);
    bool any = false, all = true;
    for (int x = 0; x < na; x++) {
        for (int y = 0; y < nb; y++) {
            vc_region ra = touched(f, call, m, e->args[0].param, a[x]);
            vc_region rb = touched(f, call, m, e->args[1].param, b[y]);
            vc_relation r = flow_relation_regions(f, a[x], ra, b[y], rb);
            bool bad = r == REL_OVERLAP || r == REL_MAY_OVERLAP ||
                       (r == REL_IDENTICAL && e->kind == FX_NO_OVERLAP);
            if (r == REL_MAY_OVERLAP && e->kind == FX_NO_PARTIAL_OVERLAP &&
                flow_same_or_disjoint(f, a[x], ra, b[y], rb))
                bad = false;
            if (bad && !any) {
                *pa = a[x];
                *pb = b[y];
            }
            any |= bad;
            all &= bad && r != REL_MAY_OVERLAP && !flow_exists_may(f, a[x]) &&
                   !flow_exists_may(f, b[y]);
        }
    }
    *may = !all || e->may;
    return any;
}

static void on_call(vc_flow *f, const vc_instr *call, const vc_model *m)
{
    if (!flow_reporting(f))
        return;
    for (int i = 0; m && i < m->neffects; i++) {
        const vc_effect *e = &m->effects[i];
        vc_effect pair = *e;
        int64_t first = 0;
        int last = 1; /* a varargs contract is one pair per argument from `first` on */
        if (e->kind == FX_NO_OVERLAP_VARARGS) {
            if (!flow_effect_value(call, e, 1, &first) || first < 0)
                continue;
            pair.kind = FX_NO_OVERLAP;
            pair.args[1] = (vc_effect_arg){0};
            last = call->nargs - (int)first;
        } else if (e->kind != FX_NO_PARTIAL_OVERLAP && e->kind != FX_NO_OVERLAP) {
            continue;
        }
        bool may = false, found = false;
        int a = -1, b = -1;
        for (int k = 0; k < last && !found; k++) {
            if (e->kind == FX_NO_OVERLAP_VARARGS)
                pair.args[1].param = (int)first + k;
            found = conflict(f, call, m, &pair, &may, &a, &b);
        }
        if (!found)
            continue;
        vc_finding *fd = flow_report(
            f, &vc_rule_vc002, call->loc, may,
            rule_fmt("'%s' and '%s' %s in a call to '%s', which forbids %s", flow_name(f, a),
                     flow_name(f, b), may ? "may overlap" : "overlap", call->callee_name,
                     pair.kind == FX_NO_OVERLAP ? "any overlap of these arguments"
                                                : "partial overlap of these arguments"));
        flow_note(f, fd, flow_object(f, a)->created,
                  rule_fmt("'%s' created here", flow_name(f, a)));
        if (b != a)
            flow_note(f, fd, flow_object(f, b)->created,
                      rule_fmt("'%s' created here", flow_name(f, b)));
        flow_note_cause(f, fd, e);
        return;
    }
}
