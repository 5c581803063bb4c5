/* Lowering of expressions: calls, assignments, loads and stores through pointers, pointer
 * arithmetic, and the control flow inside expressions (&&, ||, ?:). Operators come from
 * clang_getCursorBinaryOperatorKind / clang_getCursorUnaryOperatorKind. */
#include "lower.h"

#include "util.h"

#include <stdlib.h>
#include <string.h>

static const vc_operand NONE = {.kind = OP_NONE, .place = -1};

vc_loc lower_loc(lower_ctx *c, CXCursor cur)
{
    CXSourceLocation loc = clang_getRangeStart(clang_getCursorExtent(cur));
    CXFile file;
    unsigned line, col, offset;
    clang_getExpansionLocation(loc, &file, &line, &col, &offset);
    vc_loc out = {0, line, col};
    if (file) {
        CXString name = clang_getFileName(file);
        out.file = (uint32_t)unit_file(c->unit, clang_getCString(name));
        clang_disposeString(name);
    }
    return out;
}

static vc_instr base_instr(lower_ctx *c, vc_instr_kind kind, CXCursor at)
{
    vc_instr in = {0};
    in.kind = kind;
    in.dst = in.src = in.callee = -1;
    in.loc = lower_loc(c, at);
    in.stmt = c->stmt;
    return in;
}

static void emit(lower_ctx *c, vc_instr in)
{
    ir_emit(c->fn, c->block, in);
}

static int new_temp(lower_ctx *c, const char *name, bool pointer)
{
    vc_place t = {0};
    t.name = xstrdup(name);
    t.key = xasprintf("temp#%d", c->ntemps++);
    t.kind = PLACE_TEMP;
    t.base = -1;
    t.param_index = -1;
    t.is_pointer = pointer;
    return ir_place_add(c->fn, t);
}

static CXCursor only_child(CXCursor e, int *count)
{
    cursor_list l = {0};
    cursor_children(e, &l);
    CXCursor last = l.n ? l.items[l.n - 1] : clang_getNullCursor();
    *count = l.n;
    cursor_list_free(&l);
    return last;
}

CXCursor lower_strip(CXCursor e)
{
    for (;;) {
        enum CXCursorKind k = clang_getCursorKind(e);
        int n;
        if (k != CXCursor_UnexposedExpr && k != CXCursor_ParenExpr && k != CXCursor_CStyleCastExpr)
            return e;
        CXCursor inner = only_child(e, &n);
        if (n == 0 || clang_Cursor_isNull(inner))
            return e;
        e = inner;
    }
}

bool lower_constant(CXCursor e, int64_t *value)
{
    CXEvalResult r = clang_Cursor_Evaluate(e);
    if (!r)
        return false;
    bool ok = clang_EvalResult_getKind(r) == CXEval_Int;
    if (ok)
        *value = clang_EvalResult_getAsLongLong(r);
    clang_EvalResult_dispose(r);
    return ok;
}

static bool type_is_integer(CXType t)
{
    t = clang_getCanonicalType(t);
    return (t.kind >= CXType_Bool && t.kind <= CXType_Int128) || t.kind == CXType_Enum;
}

/* The integer variable an expression names (a place), or -1. */
static int integer_variable(lower_ctx *c, CXCursor e)
{
    e = lower_strip(e);
    if (clang_getCursorKind(e) != CXCursor_DeclRefExpr || !type_is_integer(clang_getCursorType(e)))
        return -1;
    CXCursor d = clang_getCursorReferenced(e);
    enum CXCursorKind k = clang_getCursorKind(d);
    return k == CXCursor_VarDecl || k == CXCursor_ParmDecl ? place_for_decl(c, d) : -1;
}

/* e as c + k1 * v1 + ... over integer variables (slice bounds like n - 1, i + 1, top + j). */
static bool lower_affine(lower_ctx *c, CXCursor e, vc_bound *out)
{
    int64_t v;
    e = lower_strip(e);
    if (lower_constant(e, &v)) {
        *out = bound_const(v);
        return true;
    }
    int var = integer_variable(c, e);
    if (var >= 0) {
        *out = bound_var(var);
        return true;
    }
    if (clang_getCursorKind(e) != CXCursor_BinaryOperator)
        return false;
    cursor_list l = {0};
    cursor_children(e, &l);
    vc_bound a, b;
    bool ok = l.n == 2 && lower_affine(c, l.items[0], &a) && lower_affine(c, l.items[1], &b);
    cursor_list_free(&l);
    if (!ok)
        return false;
    switch (clang_getCursorBinaryOperatorKind(e)) {
    case CXBinaryOperator_Mul:
        if (bound_is_const(a))
            return bound_scale(b, a.c, out);
        return bound_is_const(b) && bound_scale(a, b.c, out);
    case CXBinaryOperator_Add:
        return bound_combine(a, b, 1, out);
    case CXBinaryOperator_Sub:
        return bound_combine(a, b, -1, out);
    default:
        return false;
    }
}

/* The variable gets a new value: regions that name it no longer describe the same elements. */
static void scalar_set(lower_ctx *c, int var, CXCursor at)
{
    if (var < 0)
        return;
    vc_instr in = base_instr(c, I_SCALAR_SET, at);
    in.dst = var;
    emit(c, in);
}

void lower_scalar_decl(lower_ctx *c, int place, CXCursor decl)
{
    if (type_is_integer(clang_getCursorType(decl)))
        scalar_set(c, place, decl);
}

static vc_operand place_operand(int place)
{
    vc_operand op = NONE;
    if (place >= 0) {
        op.kind = OP_PLACE;
        op.place = place;
    }
    return op;
}

static int named_field_place(lower_ctx *c, int base, bool arrow, const char *fname,
                             CXCursor member);

static int field_place(lower_ctx *c, int base, bool arrow, CXCursor member)
{
    CXCursor field = clang_getCursorReferenced(member);
    char *fname = cursor_spelling(clang_Cursor_isNull(field) ? member : field);
    int p = named_field_place(c, base, arrow, fname, member);
    free(fname);
    return p;
}

int lower_field_place(lower_ctx *c, int base, bool arrow, const char *field, CXCursor at)
{
    return named_field_place(c, base, arrow, field, at);
}

/* A member whose type points to the struct that declares it: list->next, node->link[2]. */
static bool links_own_type(CXCursor member)
{
    CXCursor field = clang_getCursorReferenced(member);
    if (clang_Cursor_isNull(field) || clang_getCursorKind(field) != CXCursor_FieldDecl)
        field = member;
    CXType t = clang_getCanonicalType(clang_getCursorType(field));
    if (t.kind == CXType_ConstantArray) /* node *link[2] */
        t = clang_getCanonicalType(clang_getArrayElementType(t));
    if (t.kind != CXType_Pointer)
        return false;
    CXCursor record = clang_getCursorSemanticParent(field);
    return type_is_record(clang_getCursorType(record)) &&
           clang_equalTypes(clang_getCanonicalType(clang_getPointeeType(t)),
                            clang_getCanonicalType(clang_getCursorType(record)));
}

static int named_field_place(lower_ctx *c, int base, bool arrow, const char *fname, CXCursor member)
{
    const vc_place *b = &c->fn->places[base];
    char *key = xasprintf("%s%s%s", b->key, arrow ? "->" : ".", fname);
    int p = ir_place_find(c->fn, key);
    if (p < 0) {
        CXType t = clang_getCursorType(member);
        vc_place pl = {0};
        pl.name = xasprintf("%s%s%s", b->name, arrow ? "->" : ".", fname);
        pl.key = key;
        pl.kind = PLACE_FIELD;
        pl.base = base;
        pl.param_index = -1;
        pl.is_pointer = type_is_pointer(t);
        pl.is_array = type_is_array(t);
        pl.const_target =
            type_is_pointer(t) &&
            clang_isConstQualifiedType(clang_getPointeeType(clang_getCanonicalType(t)));
        pl.decl = lower_loc(c, member);
        pl.self_link = links_own_type(member);
        p = ir_place_add(c->fn, pl);
    } else {
        free(key);
    }
    return p;
}

static int element_place(lower_ctx *c, int base)
{
    const vc_place *b = &c->fn->places[base];
    char *key = xasprintf("%s[]", b->key);
    int p = ir_place_find(c->fn, key);
    if (p >= 0) {
        free(key);
        return p;
    }
    vc_place pl = {0};
    pl.name = xasprintf("%s[]", b->name);
    pl.key = key;
    pl.kind = PLACE_ELEMENT;
    pl.base = base;
    pl.param_index = -1;
    pl.is_pointer = true;
    pl.self_link = b->self_link && b->is_array;
    return ir_place_add(c->fn, pl);
}

/* A function named outside a call (f, &f): a candidate for calls through pointers. */
static void note_address_taken(lower_ctx *c, CXCursor fn)
{
    lower_note_function(c->unit, fn, c->storing_field);
    char *name = cursor_spelling(fn), *usr = cursor_usr(fn);
    int index = unit_function(c->unit, name, usr);
    lower_declare_function(c, fn, index);
    free(name);
    free(usr);
}

static void access(lower_ctx *c, vc_instr_kind kind, int place, CXCursor at);
static int memory_base(lower_ctx *c, CXCursor e);

/* p[i].f, (*p).f: a member of a struct in memory a pointer place points to. */
static bool struct_in_memory(CXCursor base)
{
    base = lower_strip(base);
    enum CXCursorKind k = clang_getCursorKind(base);
    return type_is_record(clang_getCursorType(base)) &&
           (k == CXCursor_ArraySubscriptExpr ||
            (k == CXCursor_UnaryOperator &&
             clang_getCursorUnaryOperatorKind(base) == CXUnaryOperator_Deref));
}

int lower_place(lower_ctx *c, CXCursor e)
{
    e = lower_strip(e);
    cursor_list l = {0};
    int p = -1;
    switch (clang_getCursorKind(e)) {
    case CXCursor_DeclRefExpr: {
        CXCursor d = clang_getCursorReferenced(e);
        enum CXCursorKind k = clang_getCursorKind(d);
        if (k == CXCursor_VarDecl || k == CXCursor_ParmDecl)
            p = place_for_decl(c, d);
        else if (k == CXCursor_FunctionDecl)
            note_address_taken(c, d);
        break;
    }
    case CXCursor_MemberRefExpr:
        cursor_children(e, &l);
        if (l.n > 0) {
            CXCursor base = l.items[0];
            bool arrow = type_is_pointer(clang_getCursorType(base));
            if (!arrow && struct_in_memory(base)) {
                access(c, I_USE, memory_base(c, base), e);
                break;
            }
            int bp = arrow ? lower_expr(c, base).place : lower_place(c, base);
            int target =
                bp >= 0 && arrow ? strmap_get(&c->struct_targets, c->fn->places[bp].key) : -1;
            if (target >= 0) { /* p->f where p = &s: the member s.f */
                bp = target;
                arrow = false;
            } else if (arrow) { /* p->f reads or writes *p: p must still be valid */
                access(c, I_USE, bp, e);
            }
            if (bp >= 0)
                p = field_place(c, bp, arrow, e);
        }
        break;
    case CXCursor_ArraySubscriptExpr:
        /* an element of an array of handles is a place; other elements are memory */
        if (type_is_pointer(clang_getCursorType(e))) {
            cursor_children(e, &l);
            if (l.n == 2) {
                lower_expr(c, l.items[1]);
                int bp = lower_place(c, l.items[0]);
                if (bp < 0)
                    bp = lower_expr(c, l.items[0]).place;
                if (bp >= 0)
                    p = element_place(c, bp);
            }
        }
        break;
    case CXCursor_UnaryOperator:
        if (clang_getCursorUnaryOperatorKind(e) == CXUnaryOperator_Deref &&
            type_is_pointer(clang_getCursorType(e))) {
            cursor_children(e, &l);
            int bp = l.n ? lower_expr(c, l.items[0]).place : -1;
            if (bp >= 0)
                p = element_place(c, bp);
        }
        break;
    default:
        break;
    }
    cursor_list_free(&l);
    return p;
}

/* The pointer place through which `e` (an element access p[i], *p, m[i][j]) reaches memory. */
static int memory_base(lower_ctx *c, CXCursor e)
{
    e = lower_strip(e);
    cursor_list l = {0};
    cursor_children(e, &l);
    int p = -1;
    enum CXCursorKind k = clang_getCursorKind(e);
    if (k == CXCursor_ArraySubscriptExpr && l.n == 2) {
        lower_expr(c, l.items[1]);
        CXCursor base = lower_strip(l.items[0]);
        if (clang_getCursorKind(base) == CXCursor_ArraySubscriptExpr &&
            type_is_array(clang_getCursorType(base)))
            p = memory_base(c, base);
        else
            p = lower_expr(c, l.items[0]).place;
    } else if (k == CXCursor_UnaryOperator && l.n == 1) {
        p = lower_expr(c, l.items[0]).place;
    }
    cursor_list_free(&l);
    return p;
}

static bool is_memory_access(CXCursor e)
{
    e = lower_strip(e);
    enum CXCursorKind k = clang_getCursorKind(e);
    if (type_is_pointer(clang_getCursorType(e)))
        return false; /* an element that is itself a handle is a place */
    if (k == CXCursor_ArraySubscriptExpr)
        return true;
    return k == CXCursor_UnaryOperator &&
           clang_getCursorUnaryOperatorKind(e) == CXUnaryOperator_Deref;
}

static void access(lower_ctx *c, vc_instr_kind kind, int place, CXCursor at)
{
    if (place < 0)
        return;
    vc_instr in = base_instr(c, kind, at);
    in.src = place;
    emit(c, in);
}

void lower_assign(lower_ctx *c, int dst, vc_operand value, CXCursor at)
{
    if (dst < 0)
        return;
    const vc_place *d = &c->fn->places[dst];
    if (!d->is_pointer && !type_is_record(clang_getCursorType(at)) && value.kind == OP_NONE)
        return;
    bool points_to_struct =
        value.kind == OP_PLACE && value.address_of && !c->fn->places[value.place].is_pointer;
    if (points_to_struct || strmap_get(&c->struct_targets, d->key) >= 0)
        strmap_put(&c->struct_targets, d->key, points_to_struct ? value.place : -1);
    vc_instr in = base_instr(c, I_CLEAR, at);
    in.dst = dst;
    if (value.kind == OP_PLACE && value.address_of && c->fn->places[value.place].is_pointer &&
        d->is_pointer) {
        in.kind = I_DECL_STORAGE; /* q = &p: q points to p's own slot, not to what p points to */
        in.src = value.place;
    } else if (value.kind == OP_PLACE && value.place != dst) {
        const vc_place *s = &c->fn->places[value.place];
        in.kind = (s->kind == PLACE_TEMP || value.address_of) ? I_ASSIGN_MOVE : I_ASSIGN_COPY;
        in.src = value.place;
    } else if (value.kind == OP_PLACE) {
        return; /* x = x */
    }
    emit(c, in);
}

/* &&, ||: the right operand runs on some paths only. */
static vc_operand lower_short_circuit(lower_ctx *c, CXCursor lhs, CXCursor rhs)
{
    lower_expr(c, lhs);
    int from = c->block, right = ir_block_new(c->fn), join = ir_block_new(c->fn);
    ir_block_edge(c->fn, from, right);
    ir_block_edge(c->fn, from, join);
    c->block = right;
    lower_expr(c, rhs);
    ir_block_edge(c->fn, c->block, join);
    c->block = join;
    return NONE;
}

static vc_operand lower_conditional(lower_ctx *c, CXCursor e)
{
    cursor_list l = {0};
    cursor_children(e, &l);
    if (l.n < 2) {
        cursor_list_free(&l);
        return NONE;
    }
    lower_expr(c, l.items[0]);
    bool pointer = type_is_pointer(clang_getCursorType(e));
    int result = pointer ? new_temp(c, "?:", true) : -1;
    int from = c->block, join = ir_block_new(c->fn);
    for (int arm = l.n - 2; arm < l.n; arm++) {
        c->block = ir_block_new(c->fn);
        ir_block_edge(c->fn, from, c->block);
        vc_operand v = lower_expr(c, l.items[arm]);
        lower_assign(c, result, v, l.items[arm]);
        ir_block_edge(c->fn, c->block, join);
    }
    c->block = join;
    cursor_list_free(&l);
    return place_operand(result);
}

/* p + k: the same array as p, from element k on (a handle of its own, whose region starts
 * there, when k is known). */
/* "a + 2", "p + i", "p - ...": how the messages name an offset pointer. */
static char *offset_name(const char *base, CXCursor index, int sign)
{
    int64_t k;
    const char *op = sign < 0 ? "-" : "+";
    if (!clang_Cursor_isNull(index) && lower_constant(index, &k))
        return xasprintf("%s %s %lld", base, op, (long long)k);
    CXCursor bare = clang_Cursor_isNull(index) ? index : lower_strip(index);
    if (!clang_Cursor_isNull(bare) && clang_getCursorKind(bare) == CXCursor_DeclRefExpr) {
        char *var = cursor_spelling(bare), *name = xasprintf("%s %s %s", base, op, var);
        free(var);
        return name;
    }
    return xasprintf("%s %s ...", base, op);
}

static vc_operand lower_pointer_offset(lower_ctx *c, CXCursor e, vc_operand base, CXCursor index,
                                       int sign)
{
    if (base.kind != OP_PLACE)
        return base;
    vc_instr in = base_instr(c, I_ASSIGN_OFFSET, e);
    in.src = base.place;
    char *name = offset_name(c->fn->places[base.place].name, index, sign);
    in.dst = new_temp(c, name, true);
    free(name);
    in.nargs = 1;
    in.args = xcalloc(1, sizeof *in.args);
    vc_bound b;
    if (!clang_Cursor_isNull(index) && lower_affine(c, index, &b) && bound_scale(b, sign, &b)) {
        in.args[0].has_bound = true;
        in.args[0].bound = b;
    }
    emit(c, in);
    return place_operand(in.dst);
}

/* offsetof(T, m), which libclang leaves unexposed: its children end with the member it names
 * (a designated initializer `.m = v`, the other unexposed expression naming a member, ends with
 * its value). */
static bool is_offsetof(CXCursor e)
{
    cursor_list l = {0};
    cursor_children(e, &l);
    bool last_is_member = l.n > 0 && clang_getCursorKind(l.items[l.n - 1]) == CXCursor_MemberRef;
    cursor_list_free(&l);
    return last_is_member;
}

static void mark_moving(lower_ctx *c, int place)
{
    if (place >= 0 && c->fn->places[place].is_pointer)
        c->fn->places[place].moves = true;
}

/* `s.f`, `p->f`: the member's name; NULL for other expressions. */
static char *member_name(CXCursor e)
{
    e = lower_strip(e);
    if (clang_getCursorKind(e) != CXCursor_MemberRefExpr)
        return NULL;
    CXCursor field = clang_getCursorReferenced(e);
    return cursor_spelling(clang_Cursor_isNull(field) ? e : field);
}

static vc_operand lower_binary(lower_ctx *c, CXCursor e)
{
    cursor_list l = {0};
    cursor_children(e, &l);
    vc_operand out = NONE;
    if (l.n != 2) {
        for (int i = 0; i < l.n; i++)
            lower_expr(c, l.items[i]);
        cursor_list_free(&l);
        return NONE;
    }
    CXCursor lhs = l.items[0], rhs = l.items[1];
    enum CXBinaryOperatorKind op = clang_getCursorBinaryOperatorKind(e);
    switch (op) {
    case CXBinaryOperator_Assign: {
        if (clang_getCursorKind(lower_strip(rhs)) == CXCursor_CallExpr &&
            type_is_record(clang_getCursorType(lhs))) {
            int record = lower_place(c, lhs);
            if (record >= 0) { /* s = f(...): the struct result's members land in s's */
                lower_call_into(c, rhs, record);
                break;
            }
        }
        c->storing_field = member_name(lhs);
        vc_operand v = lower_expr(c, rhs);
        free((char *)c->storing_field);
        c->storing_field = NULL;
        if (type_is_record(clang_getCursorType(lhs)))
            lower_record_assign(c, lhs, rhs, e);
        if (is_memory_access(lhs)) {
            access(c, I_WRITE, memory_base(c, lhs), e);
        } else {
            int dst = lower_place(c, lhs);
            lower_assign(c, dst, v, e);
            scalar_set(c, integer_variable(c, lhs), e);
            out = place_operand(dst);
        }
        break;
    }
    case CXBinaryOperator_MulAssign:
    case CXBinaryOperator_DivAssign:
    case CXBinaryOperator_RemAssign:
    case CXBinaryOperator_AddAssign:
    case CXBinaryOperator_SubAssign:
    case CXBinaryOperator_ShlAssign:
    case CXBinaryOperator_ShrAssign:
    case CXBinaryOperator_AndAssign:
    case CXBinaryOperator_XorAssign:
    case CXBinaryOperator_OrAssign:
        lower_expr(c, rhs);
        if (is_memory_access(lhs)) {
            int base = memory_base(c, lhs);
            access(c, I_READ, base, e);
            access(c, I_WRITE, base, e);
        } else {
            out = place_operand(lower_place(c, lhs)); /* p += k moves the same handle */
            mark_moving(c, out.place);
            scalar_set(c, integer_variable(c, lhs), e);
        }
        break;
    case CXBinaryOperator_LAnd:
    case CXBinaryOperator_LOr:
        out = lower_short_circuit(c, lhs, rhs);
        break;
    case CXBinaryOperator_Comma:
        lower_expr(c, lhs);
        out = lower_expr(c, rhs);
        break;
    case CXBinaryOperator_Add:
    case CXBinaryOperator_Sub: {
        vc_operand a = lower_expr(c, lhs), b = lower_expr(c, rhs);
        bool left =
            type_is_pointer(clang_getCursorType(lhs)) || type_is_array(clang_getCursorType(lhs));
        if (type_is_pointer(clang_getCursorType(e)))
            out = lower_pointer_offset(c, e, left ? a : b, left ? rhs : lhs,
                                       op == CXBinaryOperator_Sub ? -1 : 1);
        break;
    }
    default:
        lower_expr(c, lhs);
        lower_expr(c, rhs);
        break;
    }
    cursor_list_free(&l);
    return out;
}

typedef struct {
    lower_ctx *c;
    int base;
} members_ctx;

static enum CXVisitorResult declare_member(CXCursor field, CXClientData data)
{
    members_ctx *m = data;
    CXType t = clang_getCursorType(field);
    bool handles =
        type_is_pointer(t) || type_is_record(t) ||
        (type_is_array(t) && type_is_pointer(clang_getArrayElementType(clang_getCanonicalType(t))));
    if (!handles)
        return CXVisit_Continue;
    char *name = cursor_spelling(field);
    int p = lower_field_place(m->c, m->base, false, name, field);
    if (type_is_array(t))
        element_place(m->c, p);
    free(name);
    return CXVisit_Continue;
}

/* &s passed along: a callee may store handles into s's members, so they need places here. */
void lower_declare_members(lower_ctx *c, int base, CXType record)
{
    members_ctx m = {c, base};
    clang_Type_visitFields(clang_getCanonicalType(record), declare_member, &m);
}

static vc_operand lower_unary(lower_ctx *c, CXCursor e)
{
    cursor_list l = {0};
    cursor_children(e, &l);
    vc_operand out = NONE;
    if (l.n != 1) {
        cursor_list_free(&l);
        return NONE;
    }
    CXCursor sub = l.items[0];
    switch (clang_getCursorUnaryOperatorKind(e)) {
    case CXUnaryOperator_Deref:
        if (is_memory_access(e))
            access(c, I_READ, lower_expr(c, sub).place, e);
        else
            out = place_operand(lower_place(c, e));
        break;
    case CXUnaryOperator_AddrOf: {
        CXCursor target = lower_strip(sub);
        if (clang_getCursorKind(target) == CXCursor_ArraySubscriptExpr &&
            !type_is_pointer(clang_getCursorType(target))) {
            cursor_list parts = {0};
            cursor_children(target, &parts);
            CXCursor index = parts.n == 2 ? parts.items[1] : clang_getNullCursor();
            out = lower_pointer_offset(c, e, place_operand(memory_base(c, target)), index, 1);
            cursor_list_free(&parts);
        } else {
            out = place_operand(lower_place(c, target));
            out.address_of = out.kind == OP_PLACE && !c->fn->places[out.place].is_array;
            if (out.address_of && type_is_record(clang_getCursorType(target)))
                lower_declare_members(c, out.place, clang_getCursorType(target));
        }
        break;
    }
    case CXUnaryOperator_PostInc:
    case CXUnaryOperator_PostDec:
    case CXUnaryOperator_PreInc:
    case CXUnaryOperator_PreDec:
        if (is_memory_access(sub)) {
            int base = memory_base(c, sub);
            access(c, I_READ, base, e);
            access(c, I_WRITE, base, e);
        } else {
            out = lower_expr(c, sub); /* p++ moves the same handle */
            mark_moving(c, out.place);
            scalar_set(c, integer_variable(c, sub), e);
        }
        break;
    default:
        lower_expr(c, sub);
        break;
    }
    cursor_list_free(&l);
    return out;
}

/* Records the callee's declaration: parameter names, annotations, restrict qualifiers. */
static void declare_callee(lower_ctx *c, CXCursor decl, int index);

/* The size of what a pointer argument points to, as written before conversions (char *
 * passed to void *: 1). */
static int32_t pointee_size(CXCursor arg)
{
    CXType t = clang_getCursorType(lower_strip(arg));
    if (!type_is_pointer(t) && !type_is_array(t))
        return 0;
    CXType canonical = clang_getCanonicalType(t);
    CXType pointee = canonical.kind == CXType_Pointer ? clang_getPointeeType(canonical)
                                                      : clang_getArrayElementType(canonical);
    long long size = clang_Type_getSizeOf(pointee);
    return size > 0 && size < INT32_MAX ? (int32_t)size : 0;
}

static vc_operand lower_call(lower_ctx *c, CXCursor e)
{
    int record = c->record_target; /* taken before the arguments' own calls */
    c->record_target = -1;
    int nargs = clang_Cursor_getNumArguments(e);
    vc_instr in = base_instr(c, I_CALL, e);
    in.nargs = nargs > 0 ? nargs : 0;
    in.args = xcalloc((size_t)(in.nargs ? in.nargs : 1), sizeof *in.args);
    for (int a = 0; a < in.nargs; a++) {
        CXCursor arg = clang_Cursor_getArgument(e, (unsigned)a);
        in.args[a] = lower_expr(c, arg);
        in.args[a].has_value = lower_constant(arg, &in.args[a].value);
        in.args[a].elem_size = pointee_size(arg);
        if (!in.args[a].has_value)
            in.args[a].has_bound = lower_affine(c, arg, &in.args[a].bound);
    }
    CXCursor callee = clang_getCursorReferenced(e);
    bool noreturn = false;
    if (!clang_Cursor_isNull(callee) && clang_getCursorKind(callee) == CXCursor_FunctionDecl) {
        noreturn = lower_is_noreturn(c->tu, callee);
        char *name = cursor_spelling(callee), *usr = cursor_usr(callee);
        in.callee = unit_function(c->unit, name, usr);
        in.callee_name = name;
        free(usr);
        declare_callee(c, callee, in.callee);
    } else {
        in.callee_name = xstrdup("(function pointer)");
        cursor_list parts = {0};
        cursor_children(e, &parts);
        if (parts.n > 0)
            in.callee_type = lower_function_type(clang_getCursorType(parts.items[0]));
        in.callee_field = parts.n > 0 ? member_name(parts.items[0]) : NULL;
        cursor_list_free(&parts);
    }
    CXType result = clang_getCursorResultType(e);
    if (result.kind == CXType_Invalid)
        result = clang_getCursorType(e);
    if (type_is_record(result) && record >= 0) {
        in.dst = record;
    } else if (type_is_pointer(result) || type_is_record(result)) {
        char *label = xasprintf("%s(...)", in.callee_name);
        in.dst = new_temp(c, label, type_is_pointer(result));
        free(label);
    }
    bool copies_bytes = in.callee_name && in.nargs >= 2 &&
                        (!strcmp(in.callee_name, "memcpy") || !strcmp(in.callee_name, "memmove"));
    int dst = in.dst;
    emit(c, in);
    if (copies_bytes)
        lower_record_memcpy(c, clang_Cursor_getArgument(e, 0), clang_Cursor_getArgument(e, 1), e);
    if (noreturn)
        lower_branch_new_block(c); /* what follows the call is reached by no path through it */
    return place_operand(dst);
}

vc_operand lower_call_into(lower_ctx *c, CXCursor call, int record)
{
    c->record_target = record;
    vc_operand out = lower_call(c, lower_strip(call));
    c->record_target = -1;
    return out;
}

static void declare_annotations(lower_ctx *c, CXCursor decl, vc_model **model, const char *name)
{
    cursor_list l = {0};
    cursor_children(decl, &l);
    for (int i = 0; i < l.n; i++) {
        if (clang_getCursorKind(l.items[i]) != CXCursor_AnnotateAttr)
            continue;
        char *text = cursor_spelling(l.items[i]);
        vc_effect fx;
        const char *why;
        if (strncmp(text, "nda:", 4) == 0 && model_parse_effect(text, &fx, &why)) {
            if (!*model)
                *model = model_set_add(c->unit->declared, name, "annotation");
            model_add_effect(*model, fx);
        }
        free(text);
    }
    cursor_list_free(&l);
}

/* extent(p, bytes) for each pointer parameter whose accesses the visible body bounds. */
static void declare_extents(CXCursor decl, vc_model *model)
{
    CXCursor def = clang_getCursorDefinition(decl);
    if (clang_Cursor_isNull(def))
        return;
    int n = clang_Cursor_getNumArguments(def);
    for (int i = 0; i < n; i++) {
        CXCursor param = clang_Cursor_getArgument(def, (unsigned)i);
        CXType t = clang_getCanonicalType(clang_getCursorType(param));
        long long size =
            t.kind == CXType_Pointer ? clang_Type_getSizeOf(clang_getPointeeType(t)) : -1;
        int64_t elements, bytes;
        if (size <= 0 || !lower_param_extent(def, param, &elements) ||
            __builtin_mul_overflow(elements, (int64_t)size, &bytes))
            continue;
        vc_effect fx = {.kind = FX_EXTENT, .nargs = 2};
        fx.args[0].param = i;
        fx.args[1].param = -1;
        fx.args[1].literal = true;
        fx.args[1].value = bytes;
        model_add_effect(model, fx);
    }
}

static void declare_restrict(lower_ctx *c, CXCursor decl, vc_model **model, const char *name)
{
    int n = clang_Cursor_getNumArguments(decl);
    for (int i = 0; i < n; i++) {
        CXType ti = clang_getCursorType(clang_Cursor_getArgument(decl, (unsigned)i));
        if (!type_is_pointer(ti) || !clang_isRestrictQualifiedType(ti))
            continue;
        for (int j = 0; j < n; j++) {
            CXType tj = clang_getCursorType(clang_Cursor_getArgument(decl, (unsigned)j));
            if (j == i || !type_is_pointer(tj) || (clang_isRestrictQualifiedType(tj) && j < i))
                continue;
            if (!*model)
                *model = model_set_add(c->unit->declared, name, "restrict qualifiers");
            vc_effect fx = {.kind = FX_NO_OVERLAP, .nargs = 2};
            fx.args[0].param = i;
            fx.args[1].param = j;
            model_add_effect(*model, fx);
        }
    }
}

static void declare_callee(lower_ctx *c, CXCursor decl, int index)
{
    vc_function *f = c->unit->functions[index];
    if (f->nparams > 0 || f->loc.line > 0)
        return; /* already declared */
    f->loc = lower_loc(c, decl);
    int n = clang_Cursor_getNumArguments(decl);
    f->nparams = n > 0 ? n : 0;
    char **names = xcalloc((size_t)(f->nparams ? f->nparams : 1), sizeof *names);
    for (int i = 0; i < f->nparams; i++)
        names[i] = cursor_spelling(clang_Cursor_getArgument(decl, (unsigned)i));
    vc_model *model = model_set_get(c->unit->declared, f->name);
    if (!model) {
        declare_annotations(c, decl, &model, f->name);
        CXCursor canonical = clang_getCanonicalCursor(decl);
        if (!model && !clang_equalCursors(canonical, decl))
            declare_annotations(c, canonical, &model, f->name);
        declare_restrict(c, decl, &model, f->name);
        const char *bad;
        if (model && !model_resolve(model, names, f->nparams, &bad))
            model_clear(model); /* an annotation naming no parameter: ignore the model */
        if (model && model->neffects)
            declare_extents(decl, model); /* resolved already: its byte count is a value */
    }
    f->param_names = names;
}

void lower_declare_function(lower_ctx *c, CXCursor decl, int index)
{
    declare_callee(c, decl, index);
}

static vc_operand lower_children(lower_ctx *c, CXCursor e)
{
    cursor_list l = {0};
    cursor_children(e, &l);
    vc_operand last = NONE;
    for (int i = 0; i < l.n; i++)
        last = lower_expr(c, l.items[i]);
    cursor_list_free(&l);
    return last;
}

vc_operand lower_expr(lower_ctx *c, CXCursor e)
{
    if (clang_Cursor_isNull(e))
        return NONE;
    switch (clang_getCursorKind(e)) {
    case CXCursor_ParenExpr:
    case CXCursor_CStyleCastExpr:
        return lower_children(c, e);
    case CXCursor_DeclRefExpr:
    case CXCursor_MemberRefExpr:
        return place_operand(lower_place(c, e));
    case CXCursor_ArraySubscriptExpr:
        if (is_memory_access(e)) {
            access(c, I_READ, memory_base(c, e), e);
            return NONE;
        }
        if (type_is_array(clang_getCursorType(e))) {
            memory_base(c, e); /* m[i] of a 2-D array: only evaluates the index */
            return NONE;
        }
        return place_operand(lower_place(c, e));
    case CXCursor_CallExpr:
        return lower_call(c, e);
    case CXCursor_BinaryOperator:
    case CXCursor_CompoundAssignOperator:
        return lower_binary(c, e);
    case CXCursor_UnaryOperator:
        return lower_unary(c, e);
    case CXCursor_ConditionalOperator:
        return lower_conditional(c, e);
    case CXCursor_StmtExpr: {
        cursor_list l = {0};
        cursor_children(e, &l);
        for (int i = 0; i < l.n; i++)
            lower_stmt(c, l.items[i]);
        cursor_list_free(&l);
        return NONE;
    }
    case CXCursor_UnexposedExpr:
        if (is_offsetof(e))
            return NONE; /* offsetof(__typeof__(*p), m) does not evaluate *p */
        return lower_children(c, e);
    case CXCursor_UnaryExpr: /* sizeof, _Alignof, offsetof: the operand is not evaluated */
    case CXCursor_IntegerLiteral:
    case CXCursor_FloatingLiteral:
    case CXCursor_CharacterLiteral:
    case CXCursor_StringLiteral:
        return NONE;
    default:
        return lower_children(c, e);
    }
}
