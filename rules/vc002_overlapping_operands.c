/* VC002 overlapping-operands: a call whose contract forbids overlap gets overlapping arguments. */
#include "rule_util.h"

#include <stdlib.h>

enum { MAX_ARG_OBJECTS = 64 };

static void on_call(vc_flow *f, const vc_instr *call, const vc_model *m);

const vc_rule vc_rule_vc002 = {"VC002", "overlapping-operands",
                               "error", "arguments overlap where the callee's contract forbids it",
                               NULL,    on_call};

/* How the arguments of one contract relate: the worst pair decides. */
static bool conflict(vc_flow *f, const vc_instr *call, const vc_effect *e, bool *may, int *pa,
                     int *pb)
{
    int a[MAX_ARG_OBJECTS], b[MAX_ARG_OBJECTS];
    int na = flow_effect_objects(f, call, &e->args[0], a, MAX_ARG_OBJECTS);
    int nb = flow_effect_objects(f, call, &e->args[1], b, MAX_ARG_OBJECTS);
    bool any = false, all = true;
    for (int x = 0; x < na; x++) {
        for (int y = 0; y < nb; y++) {
            vc_relation r = flow_relation(f, a[x], b[y]);
            const vc_object *ra = flow_object(f, flow_object(f, a[x])->root);
            bool params = ra->kind == OBJ_PARAM && a[x] != b[y] &&
                          flow_object(f, a[x])->root != flow_object(f, b[y])->root;
            bool bad = !params && (r == REL_OVERLAP || r == REL_MAY_OVERLAP ||
                                   (r == REL_IDENTICAL && e->kind == FX_NO_OVERLAP));
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
        if (e->kind != FX_NO_PARTIAL_OVERLAP && e->kind != FX_NO_OVERLAP)
            continue;
        bool may;
        int a = -1, b = -1;
        if (!conflict(f, call, e, &may, &a, &b))
            continue;
        vc_finding *fd = flow_report(
            f, &vc_rule_vc002, call->loc, may,
            rule_fmt("'%s' and '%s' %s in a call to '%s', which forbids %s", flow_name(f, a),
                     flow_name(f, b), may ? "may overlap" : "overlap", call->callee_name,
                     e->kind == FX_NO_OVERLAP ? "any overlap of these arguments"
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
