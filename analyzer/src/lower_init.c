/* Initializer lists (`{a, .f = b}`): which field each item initializes; and where the addresses
 * of functions go, so that a call through a struct member (`opts->cb(data)`) reaches the
 * functions stored in members of that name rather than every function of its type. */
#include "lower.h"

#include "util.h"

#include <stdlib.h>
#include <string.h>

enum { MAX_FIELDS = 256 };

typedef struct {
    char *names[MAX_FIELDS];
    CXType types[MAX_FIELDS];
    int n;
} field_list;

static enum CXVisitorResult collect_field(CXCursor field, CXClientData data)
{
    field_list *fields = data;
    if (fields->n < MAX_FIELDS) {
        fields->types[fields->n] = clang_getCursorType(field);
        fields->names[fields->n++] = cursor_spelling(field);
    }
    return CXVisit_Continue;
}

/* The field a designated initializer names (`.f = value`), or NULL. */
static char *designated_field(CXCursor init)
{
    cursor_list l = {0};
    cursor_children(init, &l);
    char *name = NULL;
    for (int i = 0; i < l.n && !name; i++)
        if (clang_getCursorKind(l.items[i]) == CXCursor_MemberRef)
            name = cursor_spelling(l.items[i]);
    cursor_list_free(&l);
    return name;
}

void lower_init_walk(CXType record, CXCursor list, lower_init_fn fn, void *ctx)
{
    field_list fields = {0};
    clang_Type_visitFields(clang_getCanonicalType(record), collect_field, &fields);
    cursor_list l = {0};
    cursor_children(list, &l);
    int next = 0;
    for (int i = 0; i < l.n; i++) {
        char *field = designated_field(l.items[i]);
        int index = next;
        for (int k = 0; field && k < fields.n; k++)
            if (strcmp(fields.names[k], field) == 0)
                index = k;
        next = index + 1;
        cursor_list parts = {0};
        cursor_children(l.items[i], &parts);
        CXCursor value = field && parts.n ? parts.items[parts.n - 1] : l.items[i];
        if (index < fields.n)
            fn(fields.names[index], fields.types[index], value, ctx);
        else
            fn(NULL, clang_getCursorType(value), value, ctx);
        cursor_list_free(&parts);
        free(field);
    }
    for (int k = 0; k < fields.n; k++)
        free(fields.names[k]);
    cursor_list_free(&l);
}

char *lower_function_type(CXType t)
{
    t = clang_getCanonicalType(t);
    if (t.kind == CXType_Pointer)
        t = clang_getCanonicalType(clang_getPointeeType(t));
    CXString s = clang_getTypeSpelling(t);
    char *out = xstrdup(clang_getCString(s));
    clang_disposeString(s);
    return out;
}

/* The function an expression names (`f`, `&f`), or a null cursor. */
static CXCursor named_function(CXCursor e)
{
    e = lower_strip(e);
    if (clang_getCursorKind(e) == CXCursor_UnaryOperator &&
        clang_getCursorUnaryOperatorKind(e) == CXUnaryOperator_AddrOf) {
        cursor_list l = {0};
        cursor_children(e, &l);
        CXCursor inner = l.n == 1 ? lower_strip(l.items[0]) : clang_getNullCursor();
        cursor_list_free(&l);
        e = inner;
    }
    if (clang_Cursor_isNull(e) || clang_getCursorKind(e) != CXCursor_DeclRefExpr)
        return clang_getNullCursor();
    CXCursor d = clang_getCursorReferenced(e);
    return clang_getCursorKind(d) == CXCursor_FunctionDecl ? d : clang_getNullCursor();
}

void lower_note_function(vc_unit *u, CXCursor fn, const char *field)
{
    char *usr = cursor_usr(fn), *type = lower_function_type(clang_getCursorType(fn));
    unit_address_taken(u, usr, type, field);
    free(usr);
    free(type);
}

static enum CXChildVisitResult any_function(CXCursor cur, CXCursor parent, CXClientData data)
{
    (void)parent;
    if (clang_getCursorKind(cur) == CXCursor_DeclRefExpr) {
        CXCursor d = clang_getCursorReferenced(cur);
        if (clang_getCursorKind(d) == CXCursor_FunctionDecl)
            lower_note_function(data, d, NULL);
    }
    return CXChildVisit_Recurse;
}

static void note_value(vc_unit *u, CXType type, CXCursor value, const char *field);

static void note_member(const char *field, CXType type, CXCursor value, void *ctx)
{
    note_value(ctx, type, value, field);
}

/* A value of type `type` stored in member `field` (NULL: not in a member). */
static void note_value(vc_unit *u, CXType type, CXCursor value, const char *field)
{
    CXCursor v = lower_strip(value);
    CXCursor fn = named_function(v);
    CXType canonical = clang_getCanonicalType(type);
    if (!clang_Cursor_isNull(fn)) {
        lower_note_function(u, fn, field);
    } else if (clang_getCursorKind(v) == CXCursor_InitListExpr && type_is_record(canonical)) {
        lower_init_walk(canonical, v, note_member, u);
    } else if (clang_getCursorKind(v) == CXCursor_InitListExpr &&
               (canonical.kind == CXType_ConstantArray ||
                canonical.kind == CXType_IncompleteArray)) {
        CXType element = clang_getArrayElementType(canonical);
        cursor_list l = {0};
        cursor_children(v, &l);
        for (int i = 0; i < l.n; i++)
            note_value(u, element, l.items[i], field);
        cursor_list_free(&l);
    } else {
        clang_visitChildren(value, any_function, u);
    }
}

void lower_note_functions_in(vc_unit *u, CXCursor var)
{
    CXCursor init = clang_Cursor_getVarDeclInitializer(var);
    if (clang_Cursor_isNull(init))
        clang_visitChildren(var, any_function, u);
    else
        note_value(u, clang_getCursorType(var), init, NULL);
}
