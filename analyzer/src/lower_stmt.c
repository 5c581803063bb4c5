/* Lowering of statements into basic blocks: if/else, loops, switch, break/continue/goto/return,
 * labels, declarations. */
#include "lower.h"

#include "util.h"

#include <stdlib.h>
#include <string.h>

void lower_branch_new_block(lower_ctx *c)
{
    c->block = ir_block_new(c->fn);
}

static void jump(lower_ctx *c, int to)
{
    if (to >= 0)
        ir_block_edge(c->fn, c->block, to);
    lower_branch_new_block(c); /* code after a jump is unreachable until a label */
}

static void lower_condition(lower_ctx *c, CXCursor cond)
{
    c->stmt++;
    lower_expr(c, cond);
}

typedef struct {
    lower_ctx *c;
    int var;
} record_init;

static void init_field(const char *field, CXType type, CXCursor value, void *data)
{
    record_init *r = data;
    r->c->storing_field = type_is_pointer(type) ? field : NULL; /* where a function address goes */
    vc_operand v = lower_expr(r->c, value);
    r->c->storing_field = NULL;
    if (field)
        lower_assign(r->c, lower_field_place(r->c, r->var, false, field, value), v, value);
}

/* struct s v = {a, .f = b}: each initializer is an assignment to a field place of v. */
static void lower_record_init(lower_ctx *c, int var, CXCursor decl, CXCursor list)
{
    record_init r = {c, var};
    lower_init_walk(clang_getCursorType(decl), list, init_field, &r);
}

static bool is_call(CXCursor e)
{
    while (clang_getCursorKind(e) == CXCursor_UnexposedExpr ||
           clang_getCursorKind(e) == CXCursor_ParenExpr) {
        cursor_list l = {0};
        cursor_children(e, &l);
        bool one = l.n == 1;
        if (one)
            e = l.items[0];
        cursor_list_free(&l);
        if (!one)
            break;
    }
    return clang_getCursorKind(e) == CXCursor_CallExpr;
}

static void lower_decl_stmt(lower_ctx *c, CXCursor s)
{
    cursor_list l = {0};
    cursor_children(s, &l);
    for (int i = 0; i < l.n; i++) {
        CXCursor d = l.items[i];
        if (clang_getCursorKind(d) != CXCursor_VarDecl)
            continue;
        c->stmt++;
        int p = place_for_decl(c, d);
        const vc_place *pl = &c->fn->places[p];
        if (pl->is_array) {
            vc_instr in = {.kind = I_DECL_STORAGE, .dst = p, .src = -1, .callee = -1};
            in.loc = lower_loc(c, d);
            in.stmt = c->stmt;
            ir_emit(c->fn, c->block, in);
        }
        CXCursor init = clang_Cursor_getVarDeclInitializer(d);
        bool record = type_is_record(clang_getCursorType(d));
        if (record)
            lower_declare_members(c, p, clang_getCursorType(d));
        if (!clang_Cursor_isNull(init) && clang_getCursorKind(init) == CXCursor_InitListExpr &&
            record)
            lower_record_init(c, p, d, init);
        else if (!clang_Cursor_isNull(init) && record && is_call(init))
            lower_call_into(c, init, p);
        else if (!clang_Cursor_isNull(init) && !pl->is_array)
            lower_assign(c, p, lower_expr(c, init), d);
        else if (!clang_Cursor_isNull(init))
            lower_expr(c, init);
        lower_scalar_decl(c, p, d);
    }
    cursor_list_free(&l);
}

/* The operator of a && b or a || b (and its operands), else 0. */
static enum CXBinaryOperatorKind logical(CXCursor e, CXCursor *lhs, CXCursor *rhs)
{
    if (clang_getCursorKind(e) != CXCursor_BinaryOperator)
        return 0;
    enum CXBinaryOperatorKind op = clang_getCursorBinaryOperatorKind(e);
    cursor_list l = {0};
    cursor_children(e, &l);
    bool two = l.n == 2 && (op == CXBinaryOperator_LAnd || op == CXBinaryOperator_LOr);
    if (two) {
        *lhs = l.items[0];
        *rhs = l.items[1];
    }
    cursor_list_free(&l);
    return two ? op : 0;
}

/* A condition ending in edges to `yes` and `no`, && and || jumping as C evaluates them: in
 * `if (p && use(p))` the body is reached only through use(p). */
static void lower_branches(lower_ctx *c, CXCursor cond, int yes, int no)
{
    CXCursor lhs, rhs;
    enum CXBinaryOperatorKind op = logical(lower_strip(cond), &lhs, &rhs);
    if (!op) {
        lower_expr(c, cond);
        ir_block_edge(c->fn, c->block, yes);
        ir_block_edge(c->fn, c->block, no);
        return;
    }
    int right = ir_block_new(c->fn);
    lower_branches(c, lhs, op == CXBinaryOperator_LAnd ? right : yes,
                   op == CXBinaryOperator_LAnd ? no : right);
    c->block = right;
    lower_branches(c, rhs, yes, no);
}

static void lower_if(lower_ctx *c, const cursor_list *l)
{
    if (l->n < 2)
        return;
    c->stmt++;
    int join = ir_block_new(c->fn), then = ir_block_new(c->fn);
    int otherwise = l->n > 2 ? ir_block_new(c->fn) : join;
    lower_branches(c, l->items[0], then, otherwise);
    for (int arm = 1; arm < 3 && arm < l->n; arm++) {
        c->block = arm == 1 ? then : otherwise;
        lower_stmt(c, l->items[arm]);
        ir_block_edge(c->fn, c->block, join);
    }
    c->block = join;
}

/* The loop body with `break_to` / `continue_to` set, restoring the enclosing targets after. */
static void lower_loop_body(lower_ctx *c, CXCursor body, int break_to, int continue_to)
{
    jump_targets saved = c->jumps;
    c->jumps.break_to = break_to;
    c->jumps.continue_to = continue_to;
    lower_stmt(c, body);
    c->jumps = saved;
}

/* Is a loop condition the constant `value` (while (1), while (0))? */
static bool always(CXCursor cond, bool value)
{
    int64_t v;
    return lower_constant(cond, &v) && (v != 0) == value;
}

static void lower_while(lower_ctx *c, const cursor_list *l)
{
    if (l->n < 2)
        return;
    int head = ir_block_new(c->fn), exit = ir_block_new(c->fn);
    ir_block_edge(c->fn, c->block, head);
    c->block = head;
    lower_condition(c, l->items[0]);
    int cond_end = c->block, body = ir_block_new(c->fn);
    if (!always(l->items[0], true)) /* while (1): only a break leaves */
        ir_block_edge(c->fn, cond_end, exit);
    ir_block_edge(c->fn, cond_end, body);
    c->block = body;
    lower_loop_body(c, l->items[l->n - 1], exit, head);
    ir_block_edge(c->fn, c->block, head);
    c->block = exit;
}

static void lower_do(lower_ctx *c, const cursor_list *l)
{
    if (l->n < 2)
        return;
    int body = ir_block_new(c->fn), cond = ir_block_new(c->fn), exit = ir_block_new(c->fn);
    ir_block_edge(c->fn, c->block, body);
    c->block = body;
    lower_loop_body(c, l->items[0], exit, cond);
    ir_block_edge(c->fn, c->block, cond);
    c->block = cond;
    lower_condition(c, l->items[1]);
    if (!always(l->items[1], false)) /* do { ... } while (0): the macro idiom runs once */
        ir_block_edge(c->fn, c->block, body);
    if (!always(l->items[1], true))
        ir_block_edge(c->fn, c->block, exit);
    c->block = exit;
}

static unsigned expansion_offset(CXSourceLocation loc, CXFile *file)
{
    unsigned line, col, offset;
    clang_getExpansionLocation(loc, file, &line, &col, &offset);
    return offset;
}

/* libclang omits absent parts of a for header from the children, so which child is the init,
 * the condition or the increment is read from the positions of the header's two semicolons. */
static void classify_for(lower_ctx *c, CXCursor s, const cursor_list *l, CXCursor part[3])
{
    for (int i = 0; i < 3; i++)
        part[i] = clang_getNullCursor();
    int nheader = l->n - 1;
    if (nheader == 3) {
        for (int i = 0; i < 3; i++)
            part[i] = l->items[i];
        return;
    }
    CXFile file;
    unsigned start = expansion_offset(clang_getRangeStart(clang_getCursorExtent(s)), &file);
    size_t size = 0;
    const char *text = file ? clang_getFileContents(c->tu, file, &size) : NULL;
    unsigned semi[2] = {0, 0};
    int depth = 0, found = 0;
    for (size_t i = start; text && i < size && found < 2; i++) {
        if (text[i] == '(')
            depth++;
        else if (text[i] == ')' && --depth == 0)
            break;
        else if (text[i] == ';' && depth == 1)
            semi[found++] = (unsigned)i;
    }
    for (int i = 0; i < nheader; i++) {
        CXFile f;
        unsigned off =
            expansion_offset(clang_getRangeStart(clang_getCursorExtent(l->items[i])), &f);
        int slot;
        if (found == 2)
            slot = off < semi[0] ? 0 : off < semi[1] ? 1 : 2;
        else /* inside a macro: the declaration is the init, the rest in order */
            slot = clang_getCursorKind(l->items[i]) == CXCursor_DeclStmt ? 0 : i + (nheader < 2);
        if (slot > 2)
            slot = 2;
        part[slot] = l->items[i];
    }
}

static void lower_for(lower_ctx *c, CXCursor s, const cursor_list *l)
{
    if (l->n < 1)
        return;
    CXCursor part[3];
    classify_for(c, s, l, part);
    if (!clang_Cursor_isNull(part[0]))
        lower_stmt(c, part[0]);
    int head = ir_block_new(c->fn), body = ir_block_new(c->fn);
    int step = ir_block_new(c->fn), exit = ir_block_new(c->fn);
    ir_block_edge(c->fn, c->block, head);
    c->block = head;
    if (!clang_Cursor_isNull(part[1])) {
        lower_condition(c, part[1]);
        ir_block_edge(c->fn, c->block, exit);
    }
    ir_block_edge(c->fn, c->block, body);
    c->block = body;
    lower_loop_body(c, l->items[l->n - 1], exit, step);
    ir_block_edge(c->fn, c->block, step);
    c->block = step;
    if (!clang_Cursor_isNull(part[2]))
        lower_condition(c, part[2]);
    ir_block_edge(c->fn, c->block, head);
    c->block = exit;
}

static void lower_switch(lower_ctx *c, const cursor_list *l)
{
    if (l->n < 2)
        return;
    lower_condition(c, l->items[0]);
    int saved_dispatch = c->switch_dispatch;
    bool saved_default = c->switch_has_default;
    jump_targets saved = c->jumps;
    int exit = ir_block_new(c->fn);
    c->switch_dispatch = c->block;
    c->switch_has_default = false;
    c->jumps.break_to = exit;
    lower_branch_new_block(c); /* statements before the first case are unreachable */
    lower_stmt(c, l->items[l->n - 1]);
    ir_block_edge(c->fn, c->block, exit);
    if (!c->switch_has_default)
        ir_block_edge(c->fn, c->switch_dispatch, exit);
    c->switch_dispatch = saved_dispatch;
    c->switch_has_default = saved_default;
    c->jumps = saved;
    c->block = exit;
}

static void lower_case(lower_ctx *c, CXCursor s, const cursor_list *l)
{
    int b = ir_block_new(c->fn);
    ir_block_edge(c->fn, c->block, b); /* fallthrough */
    if (c->switch_dispatch >= 0)
        ir_block_edge(c->fn, c->switch_dispatch, b);
    if (clang_getCursorKind(s) == CXCursor_DefaultStmt)
        c->switch_has_default = true;
    c->block = b;
    if (l->n > 0)
        lower_stmt(c, l->items[l->n - 1]);
}

static int label_block(lower_ctx *c, CXCursor label)
{
    vc_loc at = lower_loc(c, label);
    char *key = xasprintf("%u:%u:%u", at.file, at.line, at.col);
    int b = strmap_get(&c->labels, key);
    if (b < 0) {
        b = ir_block_new(c->fn);
        strmap_put(&c->labels, key, b);
    }
    free(key);
    return b;
}

static void lower_return(lower_ctx *c, CXCursor s, const cursor_list *l)
{
    c->stmt++;
    vc_instr in = {.kind = I_RETURN, .dst = -1, .src = -1, .callee = -1};
    if (l->n > 0)
        in.src = lower_expr(c, l->items[0]).place;
    in.loc = lower_loc(c, s);
    in.stmt = c->stmt;
    ir_emit(c->fn, c->block, in);
    jump(c, c->fn->exit);
}

void lower_stmt(lower_ctx *c, CXCursor s)
{
    cursor_list l = {0};
    cursor_children(s, &l);
    switch (clang_getCursorKind(s)) {
    case CXCursor_CompoundStmt:
        for (int i = 0; i < l.n; i++)
            lower_stmt(c, l.items[i]);
        break;
    case CXCursor_DeclStmt:
        lower_decl_stmt(c, s);
        break;
    case CXCursor_IfStmt:
        lower_if(c, &l);
        break;
    case CXCursor_WhileStmt:
        lower_while(c, &l);
        break;
    case CXCursor_DoStmt:
        lower_do(c, &l);
        break;
    case CXCursor_ForStmt:
        lower_for(c, s, &l);
        break;
    case CXCursor_SwitchStmt:
        lower_switch(c, &l);
        break;
    case CXCursor_CaseStmt:
    case CXCursor_DefaultStmt:
        lower_case(c, s, &l);
        break;
    case CXCursor_BreakStmt:
        jump(c, c->jumps.break_to);
        break;
    case CXCursor_ContinueStmt:
        jump(c, c->jumps.continue_to);
        break;
    case CXCursor_ReturnStmt:
        lower_return(c, s, &l);
        break;
    case CXCursor_GotoStmt:
        jump(c, label_block(c, clang_getCursorReferenced(s)));
        break;
    case CXCursor_LabelStmt: {
        int b = label_block(c, s);
        ir_block_edge(c->fn, c->block, b);
        c->block = b;
        if (l.n > 0)
            lower_stmt(c, l.items[l.n - 1]);
        break;
    }
    case CXCursor_NullStmt:
        break;
    default:
        c->stmt++;
        lower_expr(c, s);
        break;
    }
    cursor_list_free(&l);
}
