/* Overlap contracts at a call: whether the arguments a contract names overlap, and whether a
 * callee that checks its contract surely refuses the call. */
#include "flow.h"

enum { MAX_ARG_OBJECTS = 64 };

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

/* The worst pair of the contract's arguments decides. */
bool flow_contract_conflict(vc_flow *f, const vc_instr *call, const vc_model *m, const vc_effect *e,
                            bool *may, bool *sure, int *pa, int *pb)
{
    *sure = true;
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
            *sure &= r == REL_IDENTICAL ? e->kind == FX_NO_OVERLAP : region_overlap_sure(&ra, &rb);
        }
    }
    *may = !all || e->may;
    *sure &= !*may;
    return any;
}

static bool fails_on_overlap(const vc_model *m)
{
    for (int i = 0; m && i < m->neffects; i++)
        if (m->effects[i].kind == FX_FAILS_ON_OVERLAP)
            return true;
    return false;
}

vc_refusal flow_call_refused(vc_flow *f, const vc_instr *call, const vc_model *m)
{
    if (!fails_on_overlap(m))
        return REFUSE_NONE;
    vc_refusal worst = REFUSE_NONE;
    for (int i = 0; i < m->neffects && worst != REFUSE_SURE; i++) {
        const vc_effect *e = &m->effects[i];
        bool may = true, sure = false;
        int a = -1, b = -1;
        if ((e->kind == FX_NO_PARTIAL_OVERLAP || e->kind == FX_NO_OVERLAP) &&
            flow_contract_conflict(f, call, m, e, &may, &sure, &a, &b))
            worst = sure ? REFUSE_SURE : REFUSE_MAYBE;
    }
    return worst;
}
