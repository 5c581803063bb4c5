/* VC002 overlapping-operands: a call whose contract forbids overlap gets overlapping arguments. */
#include "rule_util.h"

#include <stdlib.h>

static void on_call(vc_flow *f, const vc_instr *call, const vc_model *m);

const vc_rule vc_rule_vc002 = {"VC002", "overlapping-operands",
                               "error", "arguments overlap where the callee's contract forbids it",
                               NULL,    on_call};

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
        bool may = false, sure = false, found = false;
        int a = -1, b = -1;
        for (int k = 0; k < last && !found; k++) {
            if (e->kind == FX_NO_OVERLAP_VARARGS)
                pair.args[1].param = (int)first + k;
            found = flow_contract_conflict(f, call, m, &pair, &may, &sure, &a, &b);
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
