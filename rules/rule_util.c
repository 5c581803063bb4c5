#include "rule_util.h"

#include "util.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>

int rule_unaliased(const vc_flow *f, int obj)
{
    while (flow_object(f, obj)->kind == OBJ_COPY && flow_object(f, obj)->parent >= 0)
        obj = flow_object(f, obj)->parent;
    return obj;
}

int rule_handle(const vc_flow *f, int obj)
{
    while (flow_object(f, obj)->offset && flow_object(f, obj)->parent >= 0)
        obj = flow_object(f, obj)->parent;
    return obj;
}

bool rule_handle_event(const vc_flow *f, const vc_event *raw, vc_event *out)
{
    if (raw->kind == EV_CREATE && flow_object(f, raw->obj)->offset)
        return false; /* p + k is born: p itself stays as it was */
    *out = *raw;
    out->obj = rule_handle(f, raw->obj);
    return true;
}

bool rule_is_derived(const vc_flow *f, int obj)
{
    return !flow_is_root(f, rule_unaliased(f, obj));
}

bool rule_under_maybe_view(const vc_flow *f, int obj)
{
    for (int o = obj; o >= 0; o = flow_object(f, o)->parent)
        if (flow_object(f, o)->kind == OBJ_MAYBE_VIEW)
            return true;
    return false;
}

const char *rule_base_name(const vc_flow *f, int obj)
{
    return flow_name(f, flow_object(f, obj)->root);
}

char *rule_fmt(const char *fmt, ...)
{
    va_list args;
    va_start(args, fmt);
    int n = vsnprintf(NULL, 0, fmt, args);
    va_end(args);
    char *s = xmalloc((size_t)n + 1);
    va_start(args, fmt);
    vsnprintf(s, (size_t)n + 1, fmt, args);
    va_end(args);
    return s;
}
