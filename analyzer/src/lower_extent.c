/* How many elements a function body accesses through a pointer parameter: every use of it must be
 * p[k], *(p + k) or *p, with k a non-negative constant or the counter (plus a constant) of an
 * enclosing `for (i = c; i < N; i++)` whose body does not assign i. A restrict contract then
 * covers those elements only: f(a + 4, a) with 4-element accesses is fine. */
#include "lower.h"

#include <stdint.h>

enum { MAX_LOOPS = 16 };

typedef struct {
    CXCursor var;
    int64_t end; /* the counter stays below it */
} counted_loop;

typedef struct {
    CXCursor param;
    counted_loop loops[MAX_LOOPS];
    int nloops;
    int64_t extent;
    bool ok;
} extent_walk;

static void walk(extent_walk *w, CXCursor e);

static bool refers_to(CXCursor e, CXCursor decl)
{
    e = lower_strip(e);
    return clang_getCursorKind(e) == CXCursor_DeclRefExpr &&
           clang_equalCursors(clang_getCursorReferenced(e), decl);
}

static int loop_of(const extent_walk *w, CXCursor e)
{
    for (int i = w->nloops - 1; i >= 0; i--)
        if (refers_to(e, w->loops[i].var))
            return i;
    return -1;
}

/* One past the largest value `index` takes, or false. */
static bool index_end(const extent_walk *w, CXCursor index, int64_t *end)
{
    int64_t v;
    index = lower_strip(index);
    if (lower_constant(index, &v))
        return v >= 0 && !__builtin_add_overflow(v, 1, end);
    int k = loop_of(w, index);
    if (k >= 0) {
        *end = w->loops[k].end;
        return true;
    }
    cursor_list parts = {0};
    cursor_children(index, &parts);
    bool ok = clang_getCursorKind(index) == CXCursor_BinaryOperator &&
              clang_getCursorBinaryOperatorKind(index) == CXBinaryOperator_Add && parts.n == 2;
    for (int side = 0; ok && side < 2; side++) {
        k = loop_of(w, parts.items[side]);
        ok = k >= 0 && lower_constant(parts.items[1 - side], &v) && v >= 0 &&
             !__builtin_add_overflow(w->loops[k].end, v, end);
        if (ok || k >= 0)
            break;
    }
    cursor_list_free(&parts);
    return ok;
}

static void accessed(extent_walk *w, CXCursor index)
{
    int64_t end = 1;
    if (!clang_Cursor_isNull(index) && !index_end(w, index, &end))
        w->ok = false;
    else if (end > w->extent)
        w->extent = end;
}

/* p[k]: true when the subscript is through the parameter (and handled). */
static bool subscript(extent_walk *w, CXCursor e)
{
    cursor_list parts = {0};
    cursor_children(e, &parts);
    bool mine = parts.n == 2 && refers_to(parts.items[0], w->param);
    if (mine) {
        accessed(w, parts.items[1]);
        walk(w, parts.items[1]);
    }
    cursor_list_free(&parts);
    return mine;
}

/* *p and *(p + k): true when the dereference is through the parameter (and handled). */
static bool dereference(extent_walk *w, CXCursor e)
{
    cursor_list parts = {0}, sum = {0};
    cursor_children(e, &parts);
    CXCursor target = parts.n == 1 ? lower_strip(parts.items[0]) : clang_getNullCursor();
    bool mine = false;
    if (!clang_Cursor_isNull(target) && refers_to(target, w->param)) {
        accessed(w, clang_getNullCursor());
        mine = true;
    } else if (!clang_Cursor_isNull(target) &&
               clang_getCursorKind(target) == CXCursor_BinaryOperator &&
               clang_getCursorBinaryOperatorKind(target) == CXBinaryOperator_Add) {
        cursor_children(target, &sum);
        for (int side = 0; side < 2 && sum.n == 2 && !mine; side++) {
            if (refers_to(sum.items[side], w->param)) {
                accessed(w, sum.items[1 - side]);
                walk(w, sum.items[1 - side]);
                mine = true;
            }
        }
    }
    cursor_list_free(&sum);
    cursor_list_free(&parts);
    return mine;
}

/* i = c (declared or assigned), with c >= 0: the counter's cursor. */
static bool counter_init(CXCursor init, CXCursor *var)
{
    cursor_list parts = {0};
    cursor_children(init, &parts);
    int64_t v = -1;
    bool ok = false;
    if (clang_getCursorKind(init) == CXCursor_DeclStmt && parts.n == 1) {
        cursor_list value = {0};
        cursor_children(parts.items[0], &value);
        *var = parts.items[0];
        ok = value.n == 1 && lower_constant(value.items[0], &v) && v >= 0;
        cursor_list_free(&value);
    } else if (clang_getCursorKind(init) == CXCursor_BinaryOperator &&
               clang_getCursorBinaryOperatorKind(init) == CXBinaryOperator_Assign && parts.n == 2 &&
               clang_getCursorKind(lower_strip(parts.items[0])) == CXCursor_DeclRefExpr) {
        *var = clang_getCursorReferenced(lower_strip(parts.items[0]));
        ok = lower_constant(parts.items[1], &v) && v >= 0;
    }
    cursor_list_free(&parts);
    return ok;
}

/* i < N or i <= N: where the counter stops. */
static bool counter_end(CXCursor cond, CXCursor var, int64_t *end)
{
    cursor_list parts = {0};
    cursor_children(cond, &parts);
    enum CXBinaryOperatorKind op = clang_getCursorKind(cond) == CXCursor_BinaryOperator
                                       ? clang_getCursorBinaryOperatorKind(cond)
                                       : CXBinaryOperator_Invalid;
    int64_t n;
    bool ok = (op == CXBinaryOperator_LT || op == CXBinaryOperator_LE) && parts.n == 2 &&
              refers_to(parts.items[0], var) && lower_constant(parts.items[1], &n) &&
              !__builtin_add_overflow(n, op == CXBinaryOperator_LE, end);
    cursor_list_free(&parts);
    return ok;
}

static bool counter_step(CXCursor inc, CXCursor var)
{
    cursor_list parts = {0};
    cursor_children(inc, &parts);
    enum CXUnaryOperatorKind op = clang_getCursorKind(inc) == CXCursor_UnaryOperator
                                      ? clang_getCursorUnaryOperatorKind(inc)
                                      : CXUnaryOperator_Invalid;
    bool ok = (op == CXUnaryOperator_PostInc || op == CXUnaryOperator_PreInc) && parts.n == 1 &&
              refers_to(parts.items[0], var);
    cursor_list_free(&parts);
    return ok;
}

static void for_loop(extent_walk *w, CXCursor s)
{
    cursor_list parts = {0};
    cursor_children(s, &parts);
    counted_loop loop;
    bool counted =
        parts.n == 4 && w->nloops < MAX_LOOPS && counter_init(parts.items[0], &loop.var) &&
        counter_end(parts.items[1], loop.var, &loop.end) && counter_step(parts.items[2], loop.var);
    for (int i = 0; i + 1 < parts.n; i++)
        walk(w, parts.items[i]); /* the header, before its counter counts as bounded */
    if (counted)
        w->loops[w->nloops++] = loop;
    if (parts.n > 0)
        walk(w, parts.items[parts.n - 1]);
    if (counted)
        w->nloops--;
    cursor_list_free(&parts);
}

/* An assignment, increment or address-of of a loop counter inside its body. */
static bool changes_counter(const extent_walk *w, CXCursor e)
{
    enum CXCursorKind k = clang_getCursorKind(e);
    bool assigns = (k == CXCursor_BinaryOperator &&
                    clang_getCursorBinaryOperatorKind(e) == CXBinaryOperator_Assign) ||
                   k == CXCursor_CompoundAssignOperator;
    enum CXUnaryOperatorKind op =
        k == CXCursor_UnaryOperator ? clang_getCursorUnaryOperatorKind(e) : CXUnaryOperator_Invalid;
    bool unary = op == CXUnaryOperator_PostInc || op == CXUnaryOperator_PostDec ||
                 op == CXUnaryOperator_PreInc || op == CXUnaryOperator_PreDec ||
                 op == CXUnaryOperator_AddrOf;
    if (!assigns && !unary)
        return false;
    cursor_list parts = {0};
    cursor_children(e, &parts);
    bool changes = parts.n > 0 && loop_of(w, parts.items[0]) >= 0;
    cursor_list_free(&parts);
    return changes;
}

static void walk(extent_walk *w, CXCursor e)
{
    if (!w->ok)
        return;
    enum CXCursorKind k = clang_getCursorKind(e);
    if (k == CXCursor_ForStmt) {
        for_loop(w, e);
        return;
    }
    if ((k == CXCursor_ArraySubscriptExpr && subscript(w, e)) ||
        (k == CXCursor_UnaryOperator &&
         clang_getCursorUnaryOperatorKind(e) == CXUnaryOperator_Deref && dereference(w, e)))
        return;
    if (changes_counter(w, e) || refers_to(e, w->param)) {
        w->ok = false; /* the counter is not a counter, or the pointer goes elsewhere */
        return;
    }
    cursor_list parts = {0};
    cursor_children(e, &parts);
    for (int i = 0; i < parts.n && w->ok; i++)
        walk(w, parts.items[i]);
    cursor_list_free(&parts);
}

bool lower_param_extent(CXCursor definition, CXCursor param, int64_t *elements)
{
    extent_walk w = {.param = param, .ok = true};
    cursor_list parts = {0};
    cursor_children(definition, &parts);
    bool has_body =
        parts.n > 0 && clang_getCursorKind(parts.items[parts.n - 1]) == CXCursor_CompoundStmt;
    if (has_body)
        walk(&w, parts.items[parts.n - 1]);
    cursor_list_free(&parts);
    *elements = w.extent;
    return has_body && w.ok && w.extent > 0;
}
