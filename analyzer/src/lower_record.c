/* Whole-struct copies: `*s = blank`, `a = b`, `memcpy(s, &blank, sizeof *s)`. The destination's
 * handle members take the source's (git's strbuf_init resets sb->buf to the shared empty buffer
 * this way). Only operands that name a struct without side effects are followed: a variable,
 * `*p`, `&v`, a member of those. */
#include "lower.h"

#include "util.h"

#include <stdlib.h>
#include <string.h>

typedef struct {
    int place;
    bool arrow; /* the struct is what `place` points to */
} record_ref;

static bool simple_base(CXCursor e)
{
    e = lower_strip(e);
    switch (clang_getCursorKind(e)) {
    case CXCursor_DeclRefExpr:
        return true;
    case CXCursor_MemberRefExpr: {
        cursor_list l = {0};
        cursor_children(e, &l);
        bool ok = l.n == 1 && simple_base(l.items[0]);
        cursor_list_free(&l);
        return ok;
    }
    default:
        return false;
    }
}

static int variable_place(lower_ctx *c, CXCursor e)
{
    CXCursor d = clang_getCursorReferenced(e);
    enum CXCursorKind k = clang_getCursorKind(d);
    return k == CXCursor_VarDecl || k == CXCursor_ParmDecl ? place_for_decl(c, d) : -1;
}

/* The struct a pointer place points to: a local struct when it was set to &s. */
static record_ref through_pointer(lower_ctx *c, int pointer)
{
    int target = pointer >= 0 ? strmap_get(&c->struct_targets, c->fn->places[pointer].key) : -1;
    return target >= 0 ? (record_ref){target, false} : (record_ref){pointer, true};
}

/* A struct-typed lvalue. */
static record_ref record_lvalue(lower_ctx *c, CXCursor e)
{
    e = lower_strip(e);
    record_ref none = {-1, false};
    switch (clang_getCursorKind(e)) {
    case CXCursor_DeclRefExpr:
        return (record_ref){variable_place(c, e), false};
    case CXCursor_MemberRefExpr:
        return simple_base(e) ? (record_ref){lower_place(c, e), false} : none;
    case CXCursor_UnaryOperator: {
        if (clang_getCursorUnaryOperatorKind(e) != CXUnaryOperator_Deref)
            return none;
        cursor_list l = {0};
        cursor_children(e, &l);
        CXCursor inner = l.n == 1 ? lower_strip(l.items[0]) : clang_getNullCursor();
        record_ref r = none;
        if (!clang_Cursor_isNull(inner) && clang_getCursorKind(inner) == CXCursor_DeclRefExpr)
            r = through_pointer(c, variable_place(c, inner));
        cursor_list_free(&l);
        return r;
    }
    default:
        return none;
    }
}

/* The struct a pointer-valued expression points to: `&v` or a pointer variable. */
static record_ref record_pointee(lower_ctx *c, CXCursor e)
{
    e = lower_strip(e);
    if (clang_getCursorKind(e) == CXCursor_UnaryOperator &&
        clang_getCursorUnaryOperatorKind(e) == CXUnaryOperator_AddrOf) {
        cursor_list l = {0};
        cursor_children(e, &l);
        record_ref r = l.n == 1 ? record_lvalue(c, l.items[0]) : (record_ref){-1, false};
        cursor_list_free(&l);
        return r;
    }
    if (clang_getCursorKind(e) == CXCursor_DeclRefExpr && type_is_pointer(clang_getCursorType(e)))
        return through_pointer(c, variable_place(c, e));
    return (record_ref){-1, false};
}

typedef struct {
    lower_ctx *c;
    record_ref dst, src;
    CXCursor at;
    int depth;
} copy_ctx;

static void copy_members(lower_ctx *c, record_ref dst, record_ref src, CXType record, CXCursor at,
                         int depth);

static enum CXVisitorResult copy_member(CXCursor field, CXClientData data)
{
    copy_ctx *k = data;
    CXType t = clang_getCursorType(field);
    bool pointer = type_is_pointer(t);
    if (!pointer && !type_is_record(t))
        return CXVisit_Continue;
    char *name = cursor_spelling(field);
    int d = lower_field_place(k->c, k->dst.place, k->dst.arrow, name, field);
    int s = lower_field_place(k->c, k->src.place, k->src.arrow, name, field);
    free(name);
    if (pointer)
        lower_assign(k->c, d, (vc_operand){.kind = OP_PLACE, .place = s}, k->at);
    else
        copy_members(k->c, (record_ref){d, false}, (record_ref){s, false}, t, k->at, k->depth + 1);
    return CXVisit_Continue;
}

static void copy_members(lower_ctx *c, record_ref dst, record_ref src, CXType record, CXCursor at,
                         int depth)
{
    if (dst.place < 0 || src.place < 0 || depth > 4 || !type_is_record(record))
        return;
    copy_ctx k = {c, dst, src, at, depth};
    clang_Type_visitFields(clang_getCanonicalType(record), copy_member, &k);
}

void lower_record_assign(lower_ctx *c, CXCursor lhs, CXCursor rhs, CXCursor at)
{
    CXType t = clang_getCursorType(lhs);
    if (!type_is_record(t))
        return;
    copy_members(c, record_lvalue(c, lhs), record_lvalue(c, rhs), t, at, 0);
}

void lower_record_memcpy(lower_ctx *c, CXCursor dst, CXCursor src, CXCursor at)
{
    CXCursor d = lower_strip(dst);
    CXType dt = clang_getCanonicalType(clang_getCursorType(d));
    if (dt.kind != CXType_Pointer)
        return;
    CXType record = clang_getPointeeType(dt);
    CXType st = clang_getCanonicalType(clang_getCursorType(lower_strip(src)));
    if (!type_is_record(record) || st.kind != CXType_Pointer ||
        !clang_equalTypes(
            clang_getUnqualifiedType(clang_getCanonicalType(clang_getPointeeType(st))),
            clang_getUnqualifiedType(clang_getCanonicalType(record))))
        return;
    copy_members(c, record_pointee(c, d), record_pointee(c, src), record, at, 0);
}
