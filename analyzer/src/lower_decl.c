/* Places for declarations, and the cursor/type helpers the lowering uses. */
#include "lower.h"

#include "util.h"

#include <stdlib.h>
#include <string.h>

static enum CXChildVisitResult collect(CXCursor child, CXCursor parent, CXClientData data)
{
    (void)parent;
    cursor_list *l = data;
    GROW(l->items, l->n, l->cap);
    l->items[l->n++] = child;
    return CXChildVisit_Continue;
}

void cursor_children(CXCursor parent, cursor_list *out)
{
    out->n = 0;
    clang_visitChildren(parent, collect, out);
}

void cursor_list_free(cursor_list *l)
{
    free(l->items);
    l->items = NULL;
    l->n = l->cap = 0;
}

static char *take(CXString s)
{
    const char *c = clang_getCString(s);
    char *copy = xstrdup(c ? c : "");
    clang_disposeString(s);
    return copy;
}

char *cursor_spelling(CXCursor c)
{
    return take(clang_getCursorSpelling(c));
}
char *cursor_usr(CXCursor c)
{
    return take(clang_getCursorUSR(c));
}

bool type_is_pointer(CXType t)
{
    t = clang_getCanonicalType(t);
    return t.kind == CXType_Pointer;
}

bool type_is_array(CXType t)
{
    t = clang_getCanonicalType(t);
    return t.kind == CXType_ConstantArray || t.kind == CXType_IncompleteArray ||
           t.kind == CXType_VariableArray || t.kind == CXType_DependentSizedArray;
}

bool type_is_record(CXType t)
{
    t = clang_getCanonicalType(t);
    return t.kind == CXType_Record;
}

/* `_Noreturn` or C23's `[[noreturn]]` among the tokens before the declaration's name. */
static bool noreturn_specifier(CXTranslationUnit tu, CXCursor decl)
{
    CXSourceRange extent = clang_getCursorExtent(decl);
    CXSourceRange head = clang_getRange(clang_getRangeStart(extent), clang_getCursorLocation(decl));
    CXToken *tokens = NULL;
    unsigned n = 0;
    clang_tokenize(tu, head, &tokens, &n);
    bool found = false;
    for (unsigned i = 0; i < n && !found; i++) {
        CXString s = clang_getTokenSpelling(tu, tokens[i]);
        const char *t = clang_getCString(s);
        found = strcmp(t, "_Noreturn") == 0 || strcmp(t, "noreturn") == 0;
        clang_disposeString(s);
    }
    clang_disposeTokens(tu, tokens, n);
    return found;
}

bool lower_is_noreturn(CXTranslationUnit tu, CXCursor fn)
{
    CXString s = clang_getTypeSpelling(clang_getCursorType(fn));
    bool attribute = strstr(clang_getCString(s), "__attribute__((noreturn))") != NULL;
    clang_disposeString(s);
    return attribute || noreturn_specifier(tu, fn) ||
           noreturn_specifier(tu, clang_getCanonicalCursor(fn));
}

static bool pointee_const(CXType t)
{
    t = clang_getCanonicalType(t);
    if (t.kind == CXType_Pointer)
        return clang_isConstQualifiedType(clang_getPointeeType(t));
    if (type_is_array(t))
        return clang_isConstQualifiedType(clang_getArrayElementType(t));
    return false;
}

int place_for_decl(lower_ctx *c, CXCursor decl)
{
    char *usr = cursor_usr(decl);
    if (!*usr) { /* locals without a USR: key them by position */
        free(usr);
        vc_loc l = lower_loc(c, decl);
        usr = xasprintf("local@%u:%u:%u", l.file, l.line, l.col);
    }
    int p = ir_place_find(c->fn, usr);
    if (p >= 0) {
        free(usr);
        return p;
    }
    enum CXCursorKind k = clang_getCursorKind(decl);
    CXType t = clang_getCursorType(decl);
    vc_place pl = {0};
    pl.name = cursor_spelling(decl);
    pl.key = usr;
    pl.base = -1;
    pl.param_index = -1;
    pl.kind = k == CXCursor_ParmDecl ? PLACE_PARAM
              : (k == CXCursor_VarDecl &&
                 (clang_getCursorSemanticParent(decl).kind == CXCursor_TranslationUnit ||
                  clang_Cursor_getStorageClass(decl) == CX_SC_Static ||
                  clang_Cursor_getStorageClass(decl) == CX_SC_Extern))
                  ? PLACE_GLOBAL
                  : PLACE_LOCAL;
    pl.is_pointer = type_is_pointer(t);
    pl.is_array = type_is_array(t);
    pl.const_target =
        pointee_const(t) ||
        (pl.kind == PLACE_GLOBAL && pl.is_array &&
         clang_isConstQualifiedType(clang_getArrayElementType(clang_getCanonicalType(t))));
    pl.restrict_qualified = clang_isRestrictQualifiedType(t);
    pl.decl = lower_loc(c, decl);
    return ir_place_add(c->fn, pl);
}
