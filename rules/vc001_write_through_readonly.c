/* VC001 write-through-readonly: a write reaches memory that must not change. */
#include "rule_util.h"

#include <stdlib.h>

static char *reason(vc_flow *f, int obj)
{
    for (int o = obj; o >= 0; o = flow_object(f, o)->parent) {
        const vc_object *x = flow_object(f, o);
        if (x->readonly_view)
            return rule_fmt("'%s' is a read-only view created at line %u", x->name,
                            x->created.line);
        if (x->parent < 0 && (x->kind == OBJ_PARAM || x->kind == OBJ_GLOBAL) &&
            flow_state(f, o)->readonly && flow_state(f, o)->readonly_at.line == x->created.line)
            return rule_fmt("'%s' is a const-qualified %s", x->name,
                            x->kind == OBJ_PARAM ? "parameter" : "global");
    }
    return rule_fmt("'%s' was made read-only at line %u", flow_name(f, obj),
                    flow_state(f, obj)->readonly_at.line);
}

static void on_event(vc_flow *f, const vc_event *ev);

const vc_rule vc_rule_vc001 = {"VC001",  "write-through-readonly",
                               "error",  "a write reaches memory that must not change",
                               on_event, NULL};

static void on_event(vc_flow *f, const vc_event *ev)
{
    if ((ev->kind != EV_WRITE && !ev->refused) || !flow_reporting(f))
        return;
    vc_objstate *s = flow_state(f, ev->obj);
    if (!s->readonly)
        return;
    bool may = s->readonly == TRI_MAY || ev->may || flow_exists_may(f, ev->obj);
    char *why = reason(f, ev->obj);
    vc_finding *fd =
        flow_report(f, &vc_rule_vc001, ev->loc, may,
                    rule_fmt("write%s%s through '%s' %s read-only memory (%s)",
                             ev->callee ? " in " : "", ev->callee ? ev->callee : "",
                             flow_name(f, ev->obj), may ? "may reach" : "reaches", why));
    free(why);
    flow_note(f, fd, s->readonly_at,
              rule_fmt("'%s' is read-only from here", flow_name(f, ev->obj)));
    flow_note_cause(f, fd, ev->cause);
}
