/* Lowering state shared by the front end's statement and expression modules. */
#ifndef VC_LOWER_H
#define VC_LOWER_H

#include "unit.h"

#include <clang-c/Index.h>

typedef struct {
    int break_to, continue_to;
} jump_targets;

typedef struct {
    CXTranslationUnit tu;
    vc_unit *unit;
    vc_function *fn;
    int block;     /* the block instructions are appended to */
    uint32_t stmt; /* current statement index */
    jump_targets jumps;
    int switch_dispatch; /* block that branches to the cases, -1 outside a switch */
    bool switch_has_default;
    strmap labels;             /* label USR/position -> block */
    strmap struct_targets;     /* pointer place key -> the local struct it was set to (&s) */
    int record_target;         /* a struct variable the next call's struct result is assigned to */
    const char *storing_field; /* the struct member the value being lowered is stored in */
    int ntemps;
} lower_ctx;

/* lower_expr.c */
vc_operand lower_expr(lower_ctx *c, CXCursor e);
void lower_assign(lower_ctx *c, int dst, vc_operand value, CXCursor at);
/* A declared integer variable takes a (new) value. */
void lower_scalar_decl(lower_ctx *c, int place, CXCursor decl);
/* The place an lvalue expression denotes, or -1. */
int lower_place(lower_ctx *c, CXCursor e);
/* The place of field `field` of the struct held by place `base` (base.field), or of the struct
 * it points to (base->field). */
int lower_field_place(lower_ctx *c, int base, bool arrow, const char *field, CXCursor at);
/* Places for the members of a struct that can hold handles (pointers, arrays of pointers, and
 * embedded structs such as GSL's gsl_vector_view.vector). */
void lower_declare_members(lower_ctx *c, int base, CXType record);
/* `v = f(...)` for a struct v: the call's result goes to v itself (its members get the handles). */
vc_operand lower_call_into(lower_ctx *c, CXCursor call, int record);
vc_loc lower_loc(lower_ctx *c, CXCursor cur);
/* The expression under parentheses, casts and implicit conversions. */
CXCursor lower_strip(CXCursor e);
/* The value of an integer constant expression. */
bool lower_constant(CXCursor e, int64_t *value);

void lower_declare_function(lower_ctx *c, CXCursor decl, int index);

/* lower_init.c */
typedef void (*lower_init_fn)(const char *field, CXType type, CXCursor value, void *ctx);
/* Calls fn for each item of initializer list `list` of a struct of type `record`, with the
 * field it initializes (positional or designated). */
void lower_init_walk(CXType record, CXCursor list, lower_init_fn fn, void *ctx);
/* Functions named in a global's initializer (tables of function pointers) are address-taken,
 * with the member they are stored in where the initializer says. */
void lower_note_functions_in(vc_unit *u, CXCursor var);
/* Function `fn`'s address is taken; `field`: the struct member it is stored in, or NULL. */
void lower_note_function(vc_unit *u, CXCursor fn, const char *field);
/* The spelling of a function (pointer) type, the key of calls through pointers. */
char *lower_function_type(CXType t);

/* lower_record.c: a whole struct copied (`*s = blank`, `a = b`, `memcpy(s, &blank, sizeof *s)`):
 * each handle member of the destination takes the source's member. */
void lower_record_assign(lower_ctx *c, CXCursor lhs, CXCursor rhs, CXCursor at);
void lower_record_memcpy(lower_ctx *c, CXCursor dst, CXCursor src, CXCursor at);

/* lower_stmt.c */
void lower_stmt(lower_ctx *c, CXCursor s);
void lower_branch_new_block(lower_ctx *c);

/* lower_extent.c: how many elements from pointer parameter `param` the body of `definition`
 * accesses (false when unknown: another use of the pointer, an index without a bound) */
bool lower_param_extent(CXCursor definition, CXCursor param, int64_t *elements);

/* lower_decl.c: places for declarations */
int place_for_decl(lower_ctx *c, CXCursor decl);
bool type_is_pointer(CXType t);
bool type_is_array(CXType t);
bool type_is_record(CXType t);
/* A function that does not return (exit, abort, a project's die()). */
bool lower_is_noreturn(CXTranslationUnit tu, CXCursor fn);

/* children of a cursor, in order */
typedef struct {
    CXCursor *items;
    int n, cap;
} cursor_list;
void cursor_children(CXCursor parent, cursor_list *out);
void cursor_list_free(cursor_list *l);
char *cursor_spelling(CXCursor c);
char *cursor_usr(CXCursor c);

#endif
