/* A function summary as JSON, complete (contracts, traces, regions), so that summaries computed
 * in a worker process reach the parent unchanged. */
#include "summary_io.h"

#include "unit_io.h"
#include "util.h"

#include <stdlib.h>

static json_t *str_or_null(const char *s)
{
    return s ? json_string(s) : json_null();
}

static char *dup_or_null(json_t *j)
{
    return json_is_string(j) ? xstrdup(json_string_value(j)) : NULL;
}

static long long num(json_t *array, size_t i)
{
    return json_integer_value(json_array_get(array, i));
}

static json_t *region_json(const vc_region *r)
{
    json_t *axes = json_array(), *roots = json_array();
    for (int k = 0; k < VC_MAXDIMS; k++) {
        const vc_interval *iv = &r->root[k];
        json_array_append_new(axes, json_integer(r->axis[k]));
        json_array_append_new(roots, json_pack("[o,o,I,b,b]", unit_bound_json(iv->lo),
                                               unit_bound_json(iv->hi), (json_int_t)iv->step,
                                               iv->exact, iv->hi_loose));
    }
    return json_pack("[b,b,i,o,o]", r->known, r->axes_known, r->ndim, axes, roots);
}

static vc_region region_from(json_t *j)
{
    vc_region r = region_unknown();
    r.known = json_is_true(json_array_get(j, 0));
    r.axes_known = json_is_true(json_array_get(j, 1));
    r.ndim = (int)num(j, 2);
    json_t *axes = json_array_get(j, 3), *roots = json_array_get(j, 4);
    for (int k = 0; k < VC_MAXDIMS; k++) {
        json_t *iv = json_array_get(roots, (size_t)k);
        r.axis[k] = (int8_t)num(axes, (size_t)k);
        r.root[k].lo = unit_bound_from(json_array_get(iv, 0));
        r.root[k].hi = unit_bound_from(json_array_get(iv, 1));
        r.root[k].step = num(iv, 2);
        r.root[k].exact = json_is_true(json_array_get(iv, 3));
        r.root[k].hi_loose = json_is_true(json_array_get(iv, 4));
    }
    return r;
}

static json_t *effect_json(const vc_effect *e)
{
    json_t *args = json_array(), *trace = json_array();
    for (int a = 0; a < e->nargs; a++)
        json_array_append_new(args, json_pack("[i,b,I,o]", e->args[a].param, e->args[a].literal,
                                              (json_int_t)e->args[a].value,
                                              str_or_null(e->args[a].path)));
    for (int t = 0; t < e->ntrace; t++)
        json_array_append_new(trace, json_pack("[s,i,i,s]", e->trace[t].file, (int)e->trace[t].line,
                                               (int)e->trace[t].col, e->trace[t].message));
    return json_pack("[i,b,b,i,o,o,o,o,b]", e->kind, e->may, e->early, e->as, str_or_null(e->field),
                     args, trace, e->has_region ? region_json(&e->region) : json_null(),
                     e->before_others);
}

char *summary_text(const vc_model *m)
{
    json_t *j = summary_json(m);
    char *text = json_dumps(j, JSON_COMPACT);
    json_decref(j);
    return text;
}

json_t *summary_json(const vc_model *m)
{
    json_t *effects = json_array();
    for (int i = 0; i < m->neffects; i++)
        json_array_append_new(effects, effect_json(&m->effects[i]));
    return effects;
}

static vc_effect effect_from(json_t *j)
{
    vc_effect e = {0};
    e.kind = (vc_effect_kind)num(j, 0);
    e.may = json_is_true(json_array_get(j, 1));
    e.early = json_is_true(json_array_get(j, 2));
    e.before_others = json_is_true(json_array_get(j, 8));
    e.as = (vc_effect_kind)num(j, 3);
    e.field = dup_or_null(json_array_get(j, 4));
    json_t *args = json_array_get(j, 5), *trace = json_array_get(j, 6), *region;
    for (size_t a = 0; a < json_array_size(args) && a < VC_EFFECT_MAXARGS; a++) {
        json_t *x = json_array_get(args, a);
        e.args[a].param = (int)num(x, 0);
        e.args[a].literal = json_is_true(json_array_get(x, 1));
        e.args[a].value = num(x, 2);
        e.args[a].path = dup_or_null(json_array_get(x, 3));
        e.nargs = (int)a + 1;
    }
    e.ntrace = (int)json_array_size(trace);
    e.trace = e.ntrace ? xcalloc((size_t)e.ntrace, sizeof *e.trace) : NULL;
    for (int t = 0; t < e.ntrace; t++) {
        json_t *s = json_array_get(trace, (size_t)t);
        e.trace[t] = (vc_step){dup_or_null(json_array_get(s, 0)), (unsigned)num(s, 1),
                               (unsigned)num(s, 2), dup_or_null(json_array_get(s, 3))};
    }
    region = json_array_get(j, 7);
    if (json_is_array(region)) {
        e.has_region = true;
        e.region = region_from(region);
    }
    return e;
}

static bool kind_ok(json_t *j)
{
    return json_is_integer(j) && json_integer_value(j) >= 0 && json_integer_value(j) < FX_COUNT;
}

static bool args_ok(json_t *args)
{
    if (!json_is_array(args) || json_array_size(args) > VC_EFFECT_MAXARGS)
        return false;
    for (size_t a = 0; a < json_array_size(args); a++) {
        json_t *x = json_array_get(args, a);
        json_t *param = json_array_get(x, 0), *path = json_array_get(x, 3);
        if (!json_is_array(x) || !json_is_integer(param) ||
            json_integer_value(param) < EFFECT_GLOBAL || json_integer_value(param) > 4096 ||
            !(json_is_null(path) || json_is_string(path)))
            return false;
    }
    return true;
}

static bool trace_ok(json_t *trace)
{
    if (!json_is_array(trace))
        return false;
    for (size_t t = 0; t < json_array_size(trace); t++) {
        json_t *s = json_array_get(trace, t);
        if (!json_is_array(s) || !json_is_string(json_array_get(s, 0)) ||
            !json_is_integer(json_array_get(s, 1)) || !json_is_integer(json_array_get(s, 2)) ||
            !json_is_string(json_array_get(s, 3)))
            return false;
    }
    return true;
}

static bool region_ok(json_t *r)
{
    if (json_is_null(r))
        return true;
    json_t *ndim = json_array_get(r, 2);
    return json_is_array(r) && json_is_integer(ndim) && json_integer_value(ndim) >= -1 &&
           json_integer_value(ndim) <= VC_MAXDIMS && json_is_array(json_array_get(r, 3)) &&
           json_is_array(json_array_get(r, 4));
}

/* Everything the analysis trusts (enum values, strings, sizes) is checked: a summary also
 * comes back from the results database, which may be damaged. */
static bool effect_ok(json_t *e)
{
    return json_is_array(e) && json_array_size(e) >= 8 && json_array_size(e) <= 9 &&
           kind_ok(json_array_get(e, 0)) && kind_ok(json_array_get(e, 3)) &&
           args_ok(json_array_get(e, 5)) && trace_ok(json_array_get(e, 6)) &&
           region_ok(json_array_get(e, 7));
}

bool summary_from_json(json_t *j, vc_model *m)
{
    if (!json_is_array(j))
        return false;
    for (size_t i = 0; i < json_array_size(j); i++)
        if (!effect_ok(json_array_get(j, i)))
            return false;
    for (size_t i = 0; i < json_array_size(j); i++)
        model_add_effect(m, effect_from(json_array_get(j, i)));
    return true;
}

void summary_line_write(FILE *out, int index, const vc_model *m)
{
    char *text = summary_text(m);
    fprintf(out, "%d %s\n", index, text);
    free(text);
}

bool summary_line_read(const char *line, int limit, int *index, vc_model *m, const char **json_at)
{
    char *end;
    long i = strtol(line, &end, 10);
    if (end == line || *end != ' ' || i < 0 || i >= limit)
        return false;
    json_t *j = json_loads(end + 1, 0, NULL);
    bool ok = j && summary_from_json(j, m);
    json_decref(j);
    *index = (int)i;
    if (json_at)
        *json_at = end + 1;
    return ok;
}

void summary_install(vc_model *dst, vc_model m)
{
    model_clear(dst);
    dst->effects = m.effects;
    dst->neffects = m.neffects;
    dst->cap = m.cap;
}
