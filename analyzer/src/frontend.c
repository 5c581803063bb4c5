#define _GNU_SOURCE
#include "frontend.h"

#include "hash_cache.h"

#include "lower.h"
#include "util.h"

#include <dlfcn.h>
#include <errno.h>
#include <limits.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

/* The first error of the translation unit with a source location; command-line diagnostics
 * (gcc-only flags) have none and are not parse failures. */
static char *first_error(CXTranslationUnit tu)
{
    unsigned n = clang_getNumDiagnostics(tu);
    for (unsigned i = 0; i < n; i++) {
        CXDiagnostic d = clang_getDiagnostic(tu, i);
        enum CXDiagnosticSeverity sev = clang_getDiagnosticSeverity(d);
        CXFile file;
        unsigned line, col, off;
        clang_getExpansionLocation(clang_getDiagnosticLocation(d), &file, &line, &col, &off);
        char *msg = NULL;
        if (sev >= CXDiagnostic_Error && file) {
            CXString text = clang_formatDiagnostic(d, CXDiagnostic_DisplaySourceLocation |
                                                          CXDiagnostic_DisplayColumn);
            msg = xstrdup(clang_getCString(text));
            clang_disposeString(text);
        }
        clang_disposeDiagnostic(d);
        if (msg)
            return msg;
    }
    return NULL;
}

static void lower_function(CXTranslationUnit tu, vc_unit *u, CXCursor decl)
{
    char *name = cursor_spelling(decl), *usr = cursor_usr(decl);
    int index = unit_function(u, name, usr);
    free(name);
    free(usr);
    vc_function *f = u->functions[index];
    if (f->has_body)
        return;
    lower_ctx c = {.tu = tu, .unit = u, .fn = f, .switch_dispatch = -1, .record_target = -1};
    c.jumps.break_to = c.jumps.continue_to = -1;
    strmap_init(&c.labels);
    strmap_init(&c.struct_targets);
    lower_declare_function(&c, decl, index);
    f->has_body = true;
    f->is_static = clang_Cursor_getStorageClass(decl) == CX_SC_Static;
    f->loc = lower_loc(&c, decl);
    for (int i = 0; i < f->nparams; i++) {
        int p = place_for_decl(&c, clang_Cursor_getArgument(decl, (unsigned)i));
        f->places[p].param_index = i;
    }
    c.block = ir_block_new(f);
    ir_block_edge(f, f->entry, c.block);
    cursor_list l = {0};
    cursor_children(decl, &l);
    for (int i = 0; i < l.n; i++)
        if (clang_getCursorKind(l.items[i]) == CXCursor_CompoundStmt)
            lower_stmt(&c, l.items[i]);
    ir_block_edge(f, c.block, f->exit);
    cursor_list_free(&l);
    strmap_free(&c.labels);
    strmap_free(&c.struct_targets);
    cfg_analyze_loops(f);
}

typedef struct {
    CXTranslationUnit tu;
    vc_unit *unit;
    CXFile main;
} visit_ctx;

static enum CXChildVisitResult visit_top(CXCursor cur, CXCursor parent, CXClientData data)
{
    (void)parent;
    visit_ctx *v = data;
    if (clang_getCursorKind(cur) == CXCursor_VarDecl) {
        lower_note_functions_in(v->unit, cur);
        return CXChildVisit_Continue;
    }
    if (clang_getCursorKind(cur) != CXCursor_FunctionDecl || !clang_isCursorDefinition(cur))
        return CXChildVisit_Continue;
    CXFile file;
    unsigned line, col, off;
    clang_getExpansionLocation(clang_getCursorLocation(cur), &file, &line, &col, &off);
    if (file && clang_File_isEqual(file, v->main))
        lower_function(v->tu, v->unit, cur);
    return CXChildVisit_Continue;
}

/* The lines of the files whose function bodies were lowered: findings, their notes,
 * suppressions and fingerprints are all in bodies. */
static bool holds_bodies(const vc_unit *u, int file)
{
    for (int i = 0; i < u->nfunctions; i++)
        if (u->functions[i]->has_body && u->functions[i]->loc.file == (uint32_t)file)
            return true;
    return file == 0;
}

static void keep_source_lines(CXTranslationUnit tu, vc_unit *u)
{
    for (int i = 0; i < u->nfiles; i++) {
        if (!holds_bodies(u, i))
            continue;
        CXFile f = clang_getFile(tu, u->files[i].path);
        size_t size = 0;
        const char *text = f ? clang_getFileContents(tu, f, &size) : NULL;
        if (text)
            unit_set_file_text(u, i, text, size);
    }
}

static void note_dependency(CXFile file, CXSourceLocation *stack, unsigned depth, CXClientData d)
{
    (void)stack;
    (void)depth;
    CXString name = clang_File_tryGetRealPathName(file); /* absolute: "./x.h" is relative to */
    const char *path = clang_getCString(name);           /* the entry's directory, not ours */
    if (!path || !*path) {
        clang_disposeString(name);
        name = clang_getFileName(file);
        path = clang_getCString(name);
    }
    if (path)
        unit_add_dep(d, path, hash_cache_get(path));
    clang_disposeString(name);
}

/* libclang's own resource directory (LIBDIR/clang/MAJOR, beside the library), given to the
 * driver explicitly: left to itself, the driver derives it from the working directory when the
 * compile database's 'directory' differs from viewcheck's, and run from / or /usr it then lost
 * the builtin headers (stddef.h, stdbool.h). NULL when it cannot be found. */
static const char *resource_dir(void)
{
    static char *dir;
    static bool looked;
    if (looked)
        return dir;
    looked = true;
    Dl_info info;
    if (!dladdr((void *)clang_createIndex, &info) || !info.dli_fname)
        return NULL;
    CXString v = clang_getClangVersion();
    const char *text = clang_getCString(v), *at = text ? strstr(text, "version ") : NULL;
    int major = at ? atoi(at + 8) : 0;
    clang_disposeString(v);
    char real[PATH_MAX]; /* as loaded (Debian: llvm-NN/lib), else through its symbolic links */
    const char *where[] = {info.dli_fname, realpath(info.dli_fname, real) ? real : NULL};
    for (int i = 0; i < 2 && !dir && major > 0; i++) {
        char *lib = where[i] ? xstrdup(where[i]) : NULL, *slash = lib ? strrchr(lib, '/') : NULL;
        struct stat st;
        if (slash) {
            *slash = '\0';
            char *candidate = xasprintf("-resource-dir=%s/clang/%d", lib, major);
            if (stat(candidate + strlen("-resource-dir="), &st) == 0 && S_ISDIR(st.st_mode))
                dir = candidate;
            else
                free(candidate);
        }
        free(lib);
    }
    return dir;
}

vc_unit *frontend_lower(void *cx_index, const vc_compile_job *job)
{
    vc_unit *u = unit_new(job->file);
    const char *resources = resource_dir();
    int first = resources ? 1 : 0; /* the job's own -resource-dir, later, wins */
    int nargs = first + job->nargs + (job->directory ? 1 : 0);
    const char **args = xcalloc((size_t)nargs + 1, sizeof *args);
    char *wd = job->directory ? xasprintf("-working-directory=%s", job->directory) : NULL;
    if (resources)
        args[0] = resources;
    for (int i = 0; i < job->nargs; i++)
        args[first + i] = job->args[i];
    if (wd)
        args[first + job->nargs] = wd;
    CXTranslationUnit tu = NULL;
    unsigned options = CXTranslationUnit_KeepGoing;
    struct CXUnsavedFile unsaved = {job->file, job->unsaved, (unsigned long)job->unsaved_length};
    enum CXErrorCode rc = clang_parseTranslationUnit2(cx_index, job->file, args, nargs, &unsaved,
                                                      job->unsaved ? 1 : 0, options, &tu);
    free(args);
    free(wd);
    if (rc != CXError_Success || !tu) {
        /* say why when the reason is plain: a compile database naming a missing file */
        char *path = job->file[0] == '/' || !job->directory
                         ? xstrdup(job->file)
                         : xasprintf("%s/%s", job->directory, job->file);
        struct stat st;
        if (!job->unsaved && stat(path, &st) != 0)
            u->error = xasprintf("%s: cannot read the file: %s", job->file, strerror(errno));
        else if (!job->unsaved && S_ISDIR(st.st_mode))
            u->error = xasprintf("%s: is a directory, not a source file", job->file);
        else
            u->error = xasprintf("%s: libclang could not parse the file (error %d)", job->file, rc);
        free(path);
        return u;
    }
    u->error = first_error(tu);
    if (!u->error) {
        CXString spelling = clang_getTranslationUnitSpelling(tu);
        visit_ctx v = {tu, u, clang_getFile(tu, clang_getCString(spelling))};
        clang_disposeString(spelling);
        unit_file(u, job->file);
        clang_visitChildren(clang_getTranslationUnitCursor(tu), visit_top, &v);
        keep_source_lines(tu, u);
        clang_getInclusions(tu, note_dependency, u);
    }
    clang_disposeTranslationUnit(tu);
    return u;
}
