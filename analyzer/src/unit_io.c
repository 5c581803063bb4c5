#include "unit_io.h"

#include "util.h"

#include <jansson.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* ---- writing ---------------------------------------------------------------------------- */

static json_t *str_or_null(const char *s)
{
    return s ? json_string(s) : json_null();
}

static json_t *loc_json(vc_loc l)
{
    return json_pack("[i,i,i]", l.file, l.line, l.col);
}

json_t *unit_bound_json(vc_bound b)
{
    json_t *j = json_pack("[I]", (json_int_t)b.c);
    for (int i = 0; i < VC_BOUND_TERMS && b.k[i] != 0; i++) {
        json_array_append_new(j, json_integer(b.atom[i]));
        json_array_append_new(j, json_integer(b.k[i]));
    }
    return j;
}

static json_t *operand_json(const vc_operand *op)
{
    return json_pack("[i,i,b,I,b,b,o,i]", op->kind, op->place, op->has_value, (json_int_t)op->value,
                     op->address_of, op->has_bound, unit_bound_json(op->bound), op->elem_size);
}

static json_t *instr_json(const vc_instr *in)
{
    json_t *args = json_array();
    for (int a = 0; a < in->nargs; a++)
        json_array_append_new(args, operand_json(&in->args[a]));
    return json_pack("[i,i,i,o,i,i,o,o,o,o,i]", in->kind, in->dst, in->src, loc_json(in->loc),
                     in->stmt, in->callee, str_or_null(in->callee_name),
                     str_or_null(in->callee_type), args, str_or_null(in->callee_field),
                     (int)in->seq);
}

static json_t *place_json(const vc_place *p)
{
    return json_pack("[s,s,i,i,i,b,b,b,b,o,b,b]", p->name, p->key, p->kind, p->param_index, p->base,
                     p->is_pointer, p->is_array, p->const_target, p->restrict_qualified,
                     loc_json(p->decl), p->self_link, p->moves);
}

static json_t *function_json(const vc_function *f)
{
    json_t *places = json_array(), *blocks = json_array(), *params = json_array();
    for (int i = 0; i < f->nplaces; i++)
        json_array_append_new(places, place_json(&f->places[i]));
    for (int b = 0; b < f->nblocks; b++) {
        json_t *instrs = json_array(), *succ = json_array();
        for (int i = 0; i < f->blocks[b].ninstrs; i++)
            json_array_append_new(instrs, instr_json(&f->blocks[b].instrs[i]));
        for (int s = 0; s < f->blocks[b].nsucc; s++)
            json_array_append_new(succ, json_integer(f->blocks[b].succ[s]));
        json_array_append_new(blocks, json_pack("[o,o]", instrs, succ));
    }
    for (int i = 0; i < f->nparams; i++)
        json_array_append_new(params, str_or_null(f->param_names ? f->param_names[i] : NULL));
    return json_pack("{s:s,s:s,s:b,s:b,s:o,s:o,s:o,s:o,s:i,s:i}", "name", f->name, "usr", f->usr,
                     "static", f->is_static, "body", f->has_body, "loc", loc_json(f->loc), "params",
                     params, "places", places, "blocks", blocks, "entry", f->entry, "exit",
                     f->exit);
}

static json_t *effect_json(const vc_effect *e)
{
    json_t *args = json_array();
    for (int a = 0; a < e->nargs; a++)
        json_array_append_new(args, json_pack("[o,i,b,I,o]", str_or_null(e->args[a].name),
                                              e->args[a].param, e->args[a].literal,
                                              (json_int_t)e->args[a].value,
                                              str_or_null(e->args[a].path)));
    return json_pack("{s:i,s:o,s:o}", "kind", e->kind, "args", args, "field",
                     str_or_null(e->field));
}

static json_t *models_json(const vc_model_set *set)
{
    json_t *out = json_object();
    size_t cursor = 0;
    for (vc_model *m; (m = model_set_next(set, &cursor));) {
        json_t *effects = json_array();
        for (int i = 0; i < m->neffects; i++)
            json_array_append_new(effects, effect_json(&m->effects[i]));
        json_object_set_new(out, m->function,
                            json_pack("{s:s,s:o}", "origin", m->origin, "effects", effects));
    }
    return out;
}

char *unit_serialize(const vc_unit *u)
{
    json_t *files = json_array(), *functions = json_array(), *taken = json_array();
    for (int i = 0; i < u->nfiles; i++) {
        json_t *lines = json_array();
        for (int l = 0; l < u->files[i].nlines; l++)
            json_array_append_new(lines, json_string(u->files[i].lines[l]));
        json_array_append_new(
            files, json_pack("[s,o]", u->files[i].path, u->files[i].lines ? lines : json_null()));
        if (!u->files[i].lines)
            json_decref(lines);
    }
    for (int i = 0; i < u->nfunctions; i++)
        json_array_append_new(functions, function_json(u->functions[i]));
    for (int i = 0; i < u->naddress_taken; i++)
        json_array_append_new(taken,
                              json_pack("[s,s,o]", u->address_taken[i], u->address_taken_types[i],
                                        str_or_null(u->address_taken_fields[i])));
    json_t *deps = json_array();
    for (int i = 0; i < u->ndeps; i++)
        json_array_append_new(deps, json_pack("[s,s]", u->deps[i], u->dep_hashes[i]));
    json_t *doc = json_pack("{s:s,s:o,s:o,s:o,s:o,s:o,s:o}", "main", u->main_file, "files", files,
                            "functions", functions, "declared", models_json(u->declared),
                            "address_taken", taken, "error", str_or_null(u->error), "deps", deps);
    char *text = json_dumps(doc, JSON_COMPACT);
    json_decref(doc);
    return text;
}

/* ---- reading ---------------------------------------------------------------------------- */

static char *dup_or_null(json_t *j)
{
    return json_is_string(j) ? xstrdup(json_string_value(j)) : NULL;
}

static long long num(json_t *array, size_t i)
{
    return json_integer_value(json_array_get(array, i));
}

static vc_loc loc_from(json_t *j)
{
    return (vc_loc){(uint32_t)num(j, 0), (uint32_t)num(j, 1), (uint32_t)num(j, 2)};
}

vc_bound unit_bound_from(json_t *j)
{
    vc_bound b = bound_const(num(j, 0));
    size_t n = json_array_size(j);
    for (size_t i = 1; i + 1 < n && i / 2 < VC_BOUND_TERMS; i += 2) {
        b.atom[i / 2] = (int32_t)num(j, i);
        b.k[i / 2] = (int32_t)num(j, i + 1);
    }
    return b;
}

static vc_operand operand_from(json_t *j)
{
    vc_operand op = {0};
    op.kind = (vc_operand_kind)num(j, 0);
    op.place = (int)num(j, 1);
    op.has_value = json_is_true(json_array_get(j, 2));
    op.value = num(j, 3);
    op.address_of = json_is_true(json_array_get(j, 4));
    op.has_bound = json_is_true(json_array_get(j, 5));
    op.bound = unit_bound_from(json_array_get(j, 6));
    op.elem_size = (int32_t)num(j, 7);
    return op;
}

static void instr_from(vc_function *f, int block, json_t *j)
{
    vc_instr in = {0};
    in.kind = (vc_instr_kind)num(j, 0);
    in.dst = (int)num(j, 1);
    in.src = (int)num(j, 2);
    in.loc = loc_from(json_array_get(j, 3));
    in.stmt = (uint32_t)num(j, 4);
    in.callee = (int)num(j, 5);
    in.callee_name = dup_or_null(json_array_get(j, 6));
    in.callee_type = dup_or_null(json_array_get(j, 7));
    in.callee_field = dup_or_null(json_array_get(j, 9));
    in.seq = (uint32_t)num(j, 10);
    json_t *args = json_array_get(j, 8);
    in.nargs = (int)json_array_size(args);
    in.args = xcalloc((size_t)(in.nargs ? in.nargs : 1), sizeof *in.args);
    for (int a = 0; a < in.nargs; a++)
        in.args[a] = operand_from(json_array_get(args, (size_t)a));
    ir_emit(f, block, in);
}

static void place_from(vc_function *f, json_t *j)
{
    vc_place p = {0};
    p.name = dup_or_null(json_array_get(j, 0));
    p.key = dup_or_null(json_array_get(j, 1));
    p.kind = (vc_place_kind)num(j, 2);
    p.param_index = (int)num(j, 3);
    p.base = (int)num(j, 4);
    p.is_pointer = json_is_true(json_array_get(j, 5));
    p.is_array = json_is_true(json_array_get(j, 6));
    p.const_target = json_is_true(json_array_get(j, 7));
    p.restrict_qualified = json_is_true(json_array_get(j, 8));
    p.decl = loc_from(json_array_get(j, 9));
    p.self_link = json_is_true(json_array_get(j, 10));
    p.moves = json_is_true(json_array_get(j, 11));
    ir_place_add(f, p);
}

static void function_from(vc_unit *u, json_t *j)
{
    int index = unit_function(u, json_string_value(json_object_get(j, "name")),
                              json_string_value(json_object_get(j, "usr")));
    vc_function *f = u->functions[index];
    f->is_static = json_is_true(json_object_get(j, "static"));
    f->has_body = json_is_true(json_object_get(j, "body"));
    f->loc = loc_from(json_object_get(j, "loc"));
    json_t *params = json_object_get(j, "params");
    f->nparams = (int)json_array_size(params);
    f->param_names = xcalloc((size_t)f->nparams + 1, sizeof *f->param_names);
    for (int i = 0; i < f->nparams; i++)
        f->param_names[i] = dup_or_null(json_array_get(params, (size_t)i));
    size_t i;
    json_t *item;
    json_array_foreach(json_object_get(j, "places"), i, item) place_from(f, item);
    json_t *blocks = json_object_get(j, "blocks");
    while (f->nblocks < (int)json_array_size(blocks))
        ir_block_new(f);
    json_array_foreach(blocks, i, item)
    {
        size_t k;
        json_t *x;
        json_array_foreach(json_array_get(item, 0), k, x) instr_from(f, (int)i, x);
        json_array_foreach(json_array_get(item, 1), k, x)
            ir_block_edge(f, (int)i, (int)json_integer_value(x));
    }
    f->entry = (int)json_integer_value(json_object_get(j, "entry"));
    f->exit = (int)json_integer_value(json_object_get(j, "exit"));
    if (f->has_body)
        cfg_analyze_loops(f);
}

static void effect_from(vc_model *m, json_t *j)
{
    vc_effect e = {0};
    e.kind = (vc_effect_kind)json_integer_value(json_object_get(j, "kind"));
    e.field = dup_or_null(json_object_get(j, "field"));
    json_t *args = json_object_get(j, "args");
    e.nargs = (int)json_array_size(args);
    for (int a = 0; a < e.nargs && a < VC_EFFECT_MAXARGS; a++) {
        json_t *x = json_array_get(args, (size_t)a);
        e.args[a].name = dup_or_null(json_array_get(x, 0));
        e.args[a].param = (int)num(x, 1);
        e.args[a].literal = json_is_true(json_array_get(x, 2));
        e.args[a].value = num(x, 3);
        e.args[a].path = dup_or_null(json_array_get(x, 4));
    }
    model_add_effect(m, e);
}

vc_unit *unit_deserialize(const char *text, char *err, int errlen)
{
    json_error_t jerr;
    json_t *doc = json_loads(text, 0, &jerr);
    if (!doc || !json_is_string(json_object_get(doc, "main"))) {
        snprintf(err, (size_t)errlen, "not a lowered unit: %s", doc ? "no 'main'" : jerr.text);
        json_decref(doc);
        return NULL;
    }
    vc_unit *u = unit_new(json_string_value(json_object_get(doc, "main")));
    size_t i;
    json_t *item;
    json_array_foreach(json_object_get(doc, "files"), i, item)
    {
        int f = unit_file(u, json_string_value(json_array_get(item, 0)));
        json_t *lines = json_array_get(item, 1);
        if (json_is_array(lines)) {
            u->files[f].nlines = (int)json_array_size(lines);
            u->files[f].lines = xcalloc((size_t)u->files[f].nlines + 1, sizeof(char *));
            for (int l = 0; l < u->files[f].nlines; l++)
                u->files[f].lines[l] = dup_or_null(json_array_get(lines, (size_t)l));
        }
    }
    json_array_foreach(json_object_get(doc, "functions"), i, item) function_from(u, item);
    const char *name;
    json_object_foreach(json_object_get(doc, "declared"), name, item)
    {
        vc_model *m =
            model_set_add(u->declared, name, json_string_value(json_object_get(item, "origin")));
        size_t k;
        json_t *e;
        json_array_foreach(json_object_get(item, "effects"), k, e) effect_from(m, e);
    }
    json_array_foreach(json_object_get(doc, "address_taken"), i, item) unit_address_taken(
        u, json_string_value(json_array_get(item, 0)), json_string_value(json_array_get(item, 1)),
        json_string_value(json_array_get(item, 2)));
    json_array_foreach(json_object_get(doc, "deps"), i, item) unit_add_dep(
        u, json_string_value(json_array_get(item, 0)), json_string_value(json_array_get(item, 1)));
    u->error = dup_or_null(json_object_get(doc, "error"));
    json_decref(doc);
    return u;
}
