/* A lowered unit as text for the pipe from a worker, the results database and the editor's
 * child: whitespace-separated decimal numbers and length-prefixed strings ("5:hello", "~" for
 * none), in a fixed order. Reading it is a scan with no syntax tree: the parent reads every unit
 * a worker parsed, so this is on the way of every run (JSON cost git's 562 units 1.8 s). */
#include "unit_io.h"

#include "util.h"

#include <limits.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static const char UNIT_MAGIC[] = "vcunit1";

/* ---- writing ---------------------------------------------------------------------------- */

typedef struct {
    char *text;
    size_t len, cap;
} out_buf;

static void reserve(out_buf *b, size_t more)
{
    if (b->len + more + 1 <= b->cap)
        return;
    while (b->len + more + 1 > b->cap)
        b->cap = b->cap ? 2 * b->cap : 4096;
    b->text = xrealloc(b->text, b->cap);
}

static void put_int(out_buf *b, long long v)
{
    char digits[24];
    int n = 0;
    unsigned long long m = v < 0 ? 0ull - (unsigned long long)v : (unsigned long long)v;
    do
        digits[n++] = (char)('0' + m % 10);
    while ((m /= 10) > 0);
    reserve(b, (size_t)n + 2);
    if (v < 0)
        b->text[b->len++] = '-';
    while (n > 0)
        b->text[b->len++] = digits[--n];
    b->text[b->len++] = ' ';
}

static void put_str(out_buf *b, const char *s)
{
    if (!s) {
        reserve(b, 2);
        b->text[b->len++] = '~';
        b->text[b->len++] = ' ';
        return;
    }
    size_t n = strlen(s);
    put_int(b, (long long)n);
    b->text[b->len - 1] = ':';
    reserve(b, n + 1);
    memcpy(b->text + b->len, s, n);
    b->len += n;
    b->text[b->len++] = ' ';
}

static void put_loc(out_buf *b, vc_loc l)
{
    put_int(b, l.file);
    put_int(b, l.line);
    put_int(b, l.col);
}

static void put_bound(out_buf *b, vc_bound bound)
{
    int terms = 0;
    while (terms < VC_BOUND_TERMS && bound.k[terms] != 0)
        terms++;
    put_int(b, bound.c);
    put_int(b, terms);
    for (int i = 0; i < terms; i++) {
        put_int(b, bound.atom[i]);
        put_int(b, bound.k[i]);
    }
}

static void put_operand(out_buf *b, const vc_operand *op)
{
    put_int(b, op->kind);
    put_int(b, op->place);
    put_int(b, op->has_value);
    put_int(b, op->value);
    put_int(b, op->address_of);
    put_int(b, op->has_bound);
    put_bound(b, op->bound);
    put_int(b, op->elem_size);
}

static void put_instr(out_buf *b, const vc_instr *in)
{
    put_int(b, in->kind);
    put_int(b, in->dst);
    put_int(b, in->src);
    put_loc(b, in->loc);
    put_int(b, in->stmt);
    put_int(b, in->callee);
    put_str(b, in->callee_name);
    put_str(b, in->callee_type);
    put_str(b, in->callee_field);
    put_int(b, in->seq);
    put_int(b, in->nargs);
    for (int a = 0; a < in->nargs; a++)
        put_operand(b, &in->args[a]);
}

static void put_place(out_buf *b, const vc_place *p)
{
    put_str(b, p->name);
    put_str(b, p->key);
    put_int(b, p->kind);
    put_int(b, p->param_index);
    put_int(b, p->base);
    put_int(b, p->is_pointer);
    put_int(b, p->is_array);
    put_int(b, p->const_target);
    put_int(b, p->restrict_qualified);
    put_loc(b, p->decl);
    put_int(b, p->self_link);
    put_int(b, p->moves);
}

static void put_function(out_buf *b, const vc_function *f)
{
    put_str(b, f->name);
    put_str(b, f->usr);
    put_int(b, f->is_static);
    put_int(b, f->has_body);
    put_loc(b, f->loc);
    put_int(b, f->nparams);
    for (int i = 0; i < f->nparams; i++)
        put_str(b, f->param_names ? f->param_names[i] : NULL);
    put_int(b, f->nplaces);
    for (int i = 0; i < f->nplaces; i++)
        put_place(b, &f->places[i]);
    put_int(b, f->nblocks);
    for (int k = 0; k < f->nblocks; k++) {
        put_int(b, f->blocks[k].ninstrs);
        for (int i = 0; i < f->blocks[k].ninstrs; i++)
            put_instr(b, &f->blocks[k].instrs[i]);
        put_int(b, f->blocks[k].nsucc);
        for (int s = 0; s < f->blocks[k].nsucc; s++)
            put_int(b, f->blocks[k].succ[s]);
    }
    put_int(b, f->entry);
    put_int(b, f->exit);
}

static void put_effect(out_buf *b, const vc_effect *e)
{
    put_int(b, e->kind);
    put_int(b, e->nargs);
    for (int a = 0; a < e->nargs; a++) {
        put_str(b, e->args[a].name);
        put_int(b, e->args[a].param);
        put_int(b, e->args[a].literal);
        put_int(b, e->args[a].value);
        put_str(b, e->args[a].path);
    }
    put_str(b, e->field);
}

static void put_models(out_buf *b, const vc_model_set *set)
{
    int n = 0;
    size_t cursor = 0;
    while (model_set_next(set, &cursor))
        n++;
    put_int(b, n);
    cursor = 0;
    for (vc_model *m; (m = model_set_next(set, &cursor));) {
        put_str(b, m->function);
        put_str(b, m->origin);
        put_int(b, m->neffects);
        for (int i = 0; i < m->neffects; i++)
            put_effect(b, &m->effects[i]);
    }
}

char *unit_serialize(const vc_unit *u)
{
    out_buf b = {0};
    put_str(&b, UNIT_MAGIC);
    put_str(&b, u->main_file);
    put_int(&b, u->nfiles);
    for (int i = 0; i < u->nfiles; i++) {
        put_str(&b, u->files[i].path);
        put_int(&b, u->files[i].lines ? u->files[i].nlines : -1);
        for (int l = 0; u->files[i].lines && l < u->files[i].nlines; l++)
            put_str(&b, u->files[i].lines[l]);
    }
    put_int(&b, u->nfunctions);
    for (int i = 0; i < u->nfunctions; i++)
        put_function(&b, u->functions[i]);
    put_models(&b, u->declared);
    put_int(&b, u->naddress_taken);
    for (int i = 0; i < u->naddress_taken; i++) {
        put_str(&b, u->address_taken[i]);
        put_str(&b, u->address_taken_types[i]);
        put_str(&b, u->address_taken_fields[i]);
    }
    put_str(&b, u->error);
    put_int(&b, u->ndeps);
    for (int i = 0; i < u->ndeps; i++) {
        put_str(&b, u->deps[i]);
        put_str(&b, u->dep_hashes[i]);
    }
    reserve(&b, 1);
    b.text[b.len] = '\0';
    return b.text;
}

/* ---- reading ---------------------------------------------------------------------------- */

/* A scan over the text: the first thing wrong stops it (ok false), later reads give zeros. */
typedef struct {
    const char *at, *end;
    bool ok;
} in_text;

static long long get_int(in_text *in, long long lo, long long hi)
{
    while (in->at < in->end && *in->at == ' ')
        in->at++;
    bool negative = in->at < in->end && *in->at == '-';
    const char *p = in->at + negative;
    unsigned long long v = 0, limit = negative ? 0ull - (unsigned long long)LLONG_MIN : LLONG_MAX;
    int digits = 0;
    while (p < in->end && *p >= '0' && *p <= '9' && v <= (limit - (unsigned)(*p - '0')) / 10) {
        v = v * 10 + (unsigned long long)(*p++ - '0');
        digits++;
    }
    bool whole = digits > 0 && (p == in->end || *p < '0' || *p > '9');
    long long value = !negative ? (long long)v : v == 0 ? 0 : -(long long)(v - 1) - 1;
    if (!in->ok || !whole || value < lo || value > hi) {
        in->ok = false;
        return 0;
    }
    in->at = p;
    return value;
}

/* A count of items written in at least `least` characters each: no count can ask for more
 * than the rest of the text holds. */
static int get_count_of(in_text *in, long least)
{
    return (int)get_int(in, 0, (in->end - in->at) / least + 1);
}

static int get_count(in_text *in)
{
    return get_count_of(in, 2);
}

static bool get_flag(in_text *in)
{
    return get_int(in, 0, 1) != 0;
}

/* malloc'd, or NULL for "~" (and on an error). */
static char *get_str(in_text *in)
{
    while (in->ok && in->at < in->end && *in->at == ' ')
        in->at++;
    if (in->ok && in->at < in->end && *in->at == '~') {
        in->at++;
        return NULL;
    }
    long long n = get_int(in, 0, in->end - in->at);
    if (!in->ok || in->at >= in->end || *in->at != ':' || n > in->end - in->at - 1) {
        in->ok = false;
        return NULL;
    }
    char *s = xstrndup(in->at + 1, (size_t)n);
    in->at += 1 + n;
    return s;
}

static vc_loc get_loc(in_text *in)
{
    vc_loc l;
    l.file = (uint32_t)get_int(in, 0, UINT32_MAX);
    l.line = (uint32_t)get_int(in, 0, UINT32_MAX);
    l.col = (uint32_t)get_int(in, 0, UINT32_MAX);
    return l;
}

static vc_bound get_bound(in_text *in)
{
    vc_bound b = bound_const(get_int(in, INT64_MIN, INT64_MAX));
    int terms = (int)get_int(in, 0, VC_BOUND_TERMS);
    for (int i = 0; i < terms; i++) {
        b.atom[i] = (int32_t)get_int(in, INT32_MIN, INT32_MAX);
        b.k[i] = (int32_t)get_int(in, INT32_MIN, INT32_MAX);
    }
    return b;
}

static vc_operand get_operand(in_text *in)
{
    vc_operand op = {0};
    op.kind = (vc_operand_kind)get_int(in, OP_NONE, OP_PLACE);
    op.place = (int)get_int(in, -1, INT32_MAX);
    op.has_value = get_flag(in);
    op.value = get_int(in, INT64_MIN, INT64_MAX);
    op.address_of = get_flag(in);
    op.has_bound = get_flag(in);
    op.bound = get_bound(in);
    op.elem_size = (int32_t)get_int(in, INT32_MIN, INT32_MAX);
    return op;
}

static void get_instr(in_text *in, vc_function *f, int block)
{
    vc_instr ins = {0};
    ins.kind = (vc_instr_kind)get_int(in, 0, I_USE);
    ins.dst = (int)get_int(in, -1, INT32_MAX);
    ins.src = (int)get_int(in, -1, INT32_MAX);
    ins.loc = get_loc(in);
    ins.stmt = (uint32_t)get_int(in, 0, UINT32_MAX);
    ins.callee = (int)get_int(in, -1, INT32_MAX);
    ins.callee_name = get_str(in);
    ins.callee_type = get_str(in);
    ins.callee_field = get_str(in);
    ins.seq = (uint32_t)get_int(in, 0, UINT32_MAX);
    ins.nargs = get_count_of(in, 20); /* ten numbers an operand */
    ins.args = xcalloc((size_t)(ins.nargs ? ins.nargs : 1), sizeof *ins.args);
    for (int a = 0; a < ins.nargs; a++)
        ins.args[a] = get_operand(in);
    ir_emit(f, block, ins);
}

static void get_place(in_text *in, vc_function *f)
{
    vc_place p = {0};
    p.name = get_str(in);
    p.key = get_str(in);
    p.kind = (vc_place_kind)get_int(in, PLACE_LOCAL, PLACE_TEMP);
    p.param_index = (int)get_int(in, INT32_MIN, INT32_MAX);
    p.base = (int)get_int(in, -1, INT32_MAX);
    p.is_pointer = get_flag(in);
    p.is_array = get_flag(in);
    p.const_target = get_flag(in);
    p.restrict_qualified = get_flag(in);
    p.decl = get_loc(in);
    p.self_link = get_flag(in);
    p.moves = get_flag(in);
    if (!p.name || !p.key)
        in->ok = false;
    ir_place_add(f, p);
}

static void get_function(in_text *in, vc_unit *u)
{
    char *name = get_str(in), *usr = get_str(in);
    if (!name || !usr) {
        in->ok = false;
        free(name);
        free(usr);
        return;
    }
    int known = u->nfunctions;
    int index = unit_function(u, name, usr); /* before u->functions is read: it may move */
    vc_function *f = u->functions[index];
    free(name);
    free(usr);
    if (u->nfunctions == known) { /* written once each: a second one is damage */
        in->ok = false;
        return;
    }
    f->is_static = get_flag(in);
    f->has_body = get_flag(in);
    f->loc = get_loc(in);
    f->nparams = get_count(in);
    f->param_names = xcalloc((size_t)f->nparams + 1, sizeof *f->param_names);
    for (int i = 0; i < f->nparams; i++)
        f->param_names[i] = get_str(in);
    for (int i = 0, n = get_count(in); in->ok && i < n; i++)
        get_place(in, f);
    int nblocks = get_count_of(in, 4); /* two counts a block */
    while (in->ok && f->nblocks < nblocks)
        ir_block_new(f);
    for (int k = 0; in->ok && k < nblocks; k++) {
        for (int i = 0, n = get_count(in); in->ok && i < n; i++)
            get_instr(in, f, k);
        for (int s = 0, n = get_count(in); in->ok && s < n; s++) {
            int to = (int)get_int(in, 0, f->nblocks - 1);
            if (in->ok)
                ir_block_edge(f, k, to);
        }
    }
    f->entry = (int)get_int(in, 0, f->nblocks - 1);
    f->exit = (int)get_int(in, 0, f->nblocks - 1);
    if (in->ok && f->has_body)
        cfg_analyze_loops(f);
}

static void get_effect(in_text *in, vc_model *m)
{
    vc_effect e = {0};
    e.kind = (vc_effect_kind)get_int(in, 0, FX_COUNT - 1);
    e.nargs = (int)get_int(in, 0, VC_EFFECT_MAXARGS);
    for (int a = 0; a < e.nargs; a++) {
        e.args[a].name = get_str(in);
        e.args[a].param = (int)get_int(in, INT32_MIN, INT32_MAX);
        e.args[a].literal = get_flag(in);
        e.args[a].value = get_int(in, INT64_MIN, INT64_MAX);
        e.args[a].path = get_str(in);
    }
    e.field = get_str(in);
    model_add_effect(m, e);
}

static void get_models(in_text *in, vc_unit *u)
{
    for (int i = 0, n = get_count(in); in->ok && i < n; i++) {
        char *function = get_str(in), *origin = get_str(in);
        if (function && origin) {
            vc_model *m = model_set_add(u->declared, function, origin);
            for (int k = 0, effects = get_count(in); in->ok && k < effects; k++)
                get_effect(in, m);
        } else {
            in->ok = false;
        }
        free(function);
        free(origin);
    }
}

static void get_files(in_text *in, vc_unit *u)
{
    for (int i = 0, n = get_count(in); in->ok && i < n; i++) {
        char *path = get_str(in);
        int nlines = (int)get_int(in, -1, (in->end - in->at) / 2 + 1);
        if (!path || !in->ok) {
            in->ok = false;
            free(path);
            return;
        }
        int known = u->nfiles;
        int index = unit_file(u, path); /* before u->files is read: it may move */
        vc_file *file = &u->files[index];
        free(path);
        if (u->nfiles == known) { /* written once each: a second one is damage */
            in->ok = false;
            return;
        }
        if (nlines < 0)
            continue;
        file->lines = xcalloc((size_t)nlines + 1, sizeof(char *));
        for (; in->ok && file->nlines < nlines; file->nlines++)
            file->lines[file->nlines] = get_str(in);
    }
}

static void get_pairs(in_text *in, vc_unit *u, bool deps)
{
    for (int i = 0, n = get_count(in); in->ok && i < n; i++) {
        char *a = get_str(in), *b = get_str(in), *c = deps ? NULL : get_str(in);
        if (a && b && deps)
            unit_add_dep(u, a, b);
        else if (a && b)
            unit_address_taken(u, a, b, c);
        else
            in->ok = false;
        free(a);
        free(b);
        free(c);
    }
}

vc_unit *unit_deserialize(const char *text, char *err, int errlen)
{
    in_text in = {text, text + strlen(text), true};
    char *magic = get_str(&in), *main_file = get_str(&in);
    bool is_unit = magic && strcmp(magic, UNIT_MAGIC) == 0 && main_file;
    free(magic);
    if (!is_unit) {
        snprintf(err, (size_t)errlen, "not a lowered unit (no '%s' header)", UNIT_MAGIC);
        free(main_file);
        return NULL;
    }
    vc_unit *u = unit_new(main_file);
    free(main_file);
    get_files(&in, u);
    for (int i = 0, n = get_count(&in); in.ok && i < n; i++)
        get_function(&in, u);
    get_models(&in, u);
    get_pairs(&in, u, false);
    u->error = get_str(&in);
    get_pairs(&in, u, true);
    if (!in.ok) {
        snprintf(err, (size_t)errlen, "a damaged lowered unit (at byte %ld)", (long)(in.at - text));
        unit_free(u);
        return NULL;
    }
    return u;
}

/* ---- region bounds as JSON (summaries) --------------------------------------------------- */

json_t *unit_bound_json(vc_bound b)
{
    json_t *j = json_pack("[I]", (json_int_t)b.c);
    for (int i = 0; i < VC_BOUND_TERMS && b.k[i] != 0; i++) {
        json_array_append_new(j, json_integer(b.atom[i]));
        json_array_append_new(j, json_integer(b.k[i]));
    }
    return j;
}

static long long num(json_t *array, size_t i)
{
    return json_integer_value(json_array_get(array, i));
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
