#define _DEFAULT_SOURCE
#include "compdb.h"

#include "util.h"

#include <clang-c/CXCompilationDatabase.h>
#include <errno.h>
#include <jansson.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

static bool exists(const char *path)
{
    struct stat st;
    return stat(path, &st) == 0;
}

/* DIR if it holds compile_commands.json, else DIR/build if that does (clangd's order). */
static char *database_in(const char *dir)
{
    char *path = xasprintf("%s/compile_commands.json", dir);
    char *build = xasprintf("%s/build", dir);
    char *build_path = xasprintf("%s/compile_commands.json", build);
    char *found = exists(path) ? xstrdup(dir) : exists(build_path) ? xstrdup(build) : NULL;
    free(path);
    free(build);
    free(build_path);
    return found;
}

char *compdb_discover(void)
{
    char dir[PATH_MAX];
    if (!getcwd(dir, sizeof dir))
        return NULL;
    for (;;) {
        char *found = database_in(dir);
        char *slash = strrchr(dir, '/');
        if (found || !slash)
            return found;
        if (slash == dir) { /* the root directory is checked last */
            if (!dir[1])
                return NULL;
            dir[1] = '\0';
        } else {
            *slash = '\0';
        }
    }
}

/* cc1 options that load a shared object or run a plugin: -load X, -add-plugin X, -plugin X,
 * -fplugin=X, -fpass-plugin=X (and the driver's own -fplugin=, -fpass-plugin=). */
static bool is_code_loading(const char *arg)
{
    return strncmp(arg, "-fplugin", 8) == 0 || strncmp(arg, "-fpass-plugin", 13) == 0 ||
           strncmp(arg, "-load", 5) == 0 || strcmp(arg, "-add-plugin") == 0 ||
           strcmp(arg, "-plugin") == 0 || strncmp(arg, "-plugin=", 8) == 0;
}

/* Does the cc1 option take its value as the next forwarded argument? */
static bool takes_value(const char *arg)
{
    return strcmp(arg, "-load") == 0 || strcmp(arg, "-add-plugin") == 0 ||
           strcmp(arg, "-plugin") == 0;
}

/* Flags that forward their argument to cc1 or LLVM: -Xclang X, -Xpreprocessor X, -mllvm X, and
 * the joined -Xclang=X, -mllvm=X. Returns how many argv entries the forwarding takes at i (0 when
 * args[i] is not one) and sets *value to what is forwarded. */
static int forwarded(char **args, int nargs, int i, const char **value)
{
    static const char *const separate[] = {"-Xclang", "-Xpreprocessor", "-mllvm"};
    static const char *const joined[] = {"-Xclang=", "-mllvm="};
    for (size_t k = 0; k < sizeof separate / sizeof *separate; k++)
        if (strcmp(args[i], separate[k]) == 0 && i + 1 < nargs) {
            *value = args[i + 1];
            return 2;
        }
    for (size_t k = 0; k < sizeof joined / sizeof *joined; k++)
        if (strncmp(args[i], joined[k], strlen(joined[k])) == 0) {
            *value = args[i] + strlen(joined[k]);
            return 1;
        }
    return 0;
}

/* -Wp,A,B,...: forwarded to the preprocessor (cc1); does any part load code? */
static bool wp_loads_code(const char *arg)
{
    if (strncmp(arg, "-Wp,", 4) != 0)
        return false;
    char *copy = xstrdup(arg + 4), *save = NULL;
    bool loads = false;
    for (char *part = strtok_r(copy, ",", &save); part && !loads; part = strtok_r(NULL, ",", &save))
        loads = is_code_loading(part);
    free(copy);
    return loads;
}

/* How many arguments from i on load code (0: args[i] does not). */
static int code_loading_span(char **args, int nargs, int i)
{
    const char *value = NULL;
    int take = forwarded(args, nargs, i, &value);
    if (take > 0) {
        if (!is_code_loading(value))
            return 0;
        const char *next = NULL;
        int more =
            takes_value(value) && i + take < nargs ? forwarded(args, nargs, i + take, &next) : 0;
        return take + more; /* -Xclang -load -Xclang X: the value is forwarded the same way */
    }
    if (wp_loads_code(args[i]))
        return 1;
    if (is_code_loading(args[i])) /* a cc1 command line (clang -cc1 ...) */
        return takes_value(args[i]) && i + 1 < nargs ? 2 : 1;
    return 0;
}

int compdb_filter_args(char **args, int nargs, const char *file, bool quiet)
{
    int out = 0;
    for (int i = 0; i < nargs; i++) {
        int skip = code_loading_span(args, nargs, i);
        if (skip > 0) {
            if (!quiet) {
                fprintf(stderr, "viewcheck: note: %s: dropped '", file);
                for (int k = 0; k < skip; k++)
                    fprintf(stderr, "%s%s", k ? " " : "", args[i + k]);
                fprintf(stderr, "' (it loads code)\n");
            }
            for (int k = 0; k < skip; k++)
                free(args[i + k]);
            i += skip - 1;
            continue;
        }
        args[out++] = args[i];
    }
    return out;
}

static void add_job(vc_jobs *jobs, const char *file, const char *dir, char **args, int nargs)
{
    GROW(jobs->items, jobs->n, jobs->cap);
    vc_job *j = &jobs->items[jobs->n++];
    j->file = xstrdup(file);
    j->directory = dir ? xstrdup(dir) : NULL;
    j->args = args;
    j->nargs = nargs;
}

/* The compiler's argv without the compiler, -c, -o X and the source file itself. */
/* Does argument `a` (relative to `dir`) name the source file itself? */
static bool names_source(const char *a, const char *file, const char *dir)
{
    if (strcmp(a, file) == 0)
        return true;
    const char *base = strrchr(file, '/');
    if (!base || a[0] == '-' || !strstr(a, base + 1))
        return false;
    char *abs = a[0] == '/' || !dir ? xstrdup(a) : xasprintf("%s/%s", dir, a);
    char want[PATH_MAX], got[PATH_MAX];
    char *full = file[0] == '/' || !dir ? xstrdup(file) : xasprintf("%s/%s", dir, file);
    bool same = realpath(abs, got) && realpath(full, want) ? strcmp(got, want) == 0
                                                           : strcmp(a, base + 1) == 0;
    free(abs);
    free(full);
    return same;
}

static char **job_args(CXCompileCommand cmd, const char *file, const char *dir, int *nargs)
{
    unsigned n = clang_CompileCommand_getNumArgs(cmd);
    char **args = xcalloc(n + 1, sizeof *args);
    int out = 0;
    for (unsigned i = 1; i < n; i++) {
        CXString s = clang_CompileCommand_getArg(cmd, i);
        const char *a = clang_getCString(s);
        bool drop = strcmp(a, "-c") == 0 || strcmp(a, "--") == 0 || names_source(a, file, dir);
        if (strcmp(a, "-o") == 0 && i + 1 < n) {
            i++;
            drop = true;
        }
        if (!drop)
            args[out++] = xstrdup(a);
        clang_disposeString(s);
    }
    *nargs = out;
    return args;
}

static char *absolute(const char *file, const char *dir)
{
    if (file[0] == '/' || !dir)
        return xstrdup(file);
    return xasprintf("%s/%s", dir, file);
}

/* Assembly sources (zstd's huf_decompress_amd64.S) have no C for us to read. */
static bool is_assembly(const char *file)
{
    const char *dot = strrchr(file, '.');
    return dot && (!strcmp(dot, ".s") || !strcmp(dot, ".S") || !strcmp(dot, ".sx") ||
                   !strcmp(dot, ".asm"));
}

bool compdb_load(const char *dir, vc_jobs *jobs, char *err, int errlen, bool quiet)
{
    char *path = xasprintf("%s/compile_commands.json", dir);
    json_error_t jerr;
    struct stat st;
    bool is_dir = stat(path, &st) == 0 && S_ISDIR(st.st_mode);
    json_t *doc = is_dir ? NULL : json_load_file(path, 0, &jerr);
    bool ok = doc && json_is_array(doc);
    if (is_dir)
        snprintf(err, (size_t)errlen, "%s: cannot read the compile database: it is a directory",
                 path);
    else if (!doc && access(path, R_OK) != 0)
        snprintf(err, (size_t)errlen, "%s: cannot read the compile database: %s", path,
                 strerror(errno));
    else if (!doc)
        snprintf(err, (size_t)errlen, "%s:%d:%d: malformed compile database: %s", path, jerr.line,
                 jerr.column, jerr.text);
    else if (!ok)
        snprintf(err, (size_t)errlen, "%s: malformed compile database: expected a JSON array",
                 path);
    for (size_t i = 0; ok && i < json_array_size(doc); i++) {
        json_t *e = json_array_get(doc, i);
        if (!json_is_object(e) || !json_is_string(json_object_get(e, "file")) ||
            !json_is_string(json_object_get(e, "directory")) ||
            (!json_is_string(json_object_get(e, "command")) &&
             !json_is_array(json_object_get(e, "arguments")))) {
            snprintf(err, (size_t)errlen,
                     "%s: malformed compile database: entry %zu needs 'directory', 'file' and "
                     "'command' or 'arguments'",
                     path, i + 1);
            ok = false;
        }
        json_t *args = json_object_get(e, "arguments");
        for (size_t k = 0; ok && json_is_array(args) && k < json_array_size(args); k++) {
            if (!json_is_string(json_array_get(args, k))) {
                snprintf(err, (size_t)errlen,
                         "%s: malformed compile database: entry %zu: 'arguments' must be a list "
                         "of strings",
                         path, i + 1);
                ok = false;
            }
        }
    }
    json_decref(doc);
    free(path);
    if (!ok)
        return false;
    CXCompilationDatabase_Error dberr;
    CXCompilationDatabase db = clang_CompilationDatabase_fromDirectory(dir, &dberr);
    if (dberr != CXCompilationDatabase_NoError || !db) {
        snprintf(err, (size_t)errlen, "%s/compile_commands.json: libclang could not load it", dir);
        return false;
    }
    CXCompileCommands cmds = clang_CompilationDatabase_getAllCompileCommands(db);
    unsigned n = clang_CompileCommands_getSize(cmds);
    char here[PATH_MAX], *db_dir = realpath(dir, here) ? xstrdup(here) : xstrdup(dir);
    unsigned skipped = 0;
    for (unsigned i = 0; i < n; i++) {
        CXCompileCommand cmd = clang_CompileCommands_getCommand(cmds, i);
        CXString file = clang_CompileCommand_getFilename(cmd);
        CXString wd = clang_CompileCommand_getDirectory(cmd);
        const char *f = clang_getCString(file), *d = clang_getCString(wd);
        if (is_assembly(f)) {
            skipped++;
            clang_disposeString(file);
            clang_disposeString(wd);
            continue;
        }
        /* a relative 'directory' is taken relative to the database's own directory, not to
         * wherever viewcheck runs */
        char *dir_abs = d[0] == '/' ? xstrdup(d)
                        : d[0]      ? xasprintf("%s/%s", db_dir, d)
                                    : xstrdup(db_dir);
        char resolved[PATH_MAX];
        if (d[0] != '/' && realpath(dir_abs, resolved)) {
            free(dir_abs);
            dir_abs = xstrdup(resolved);
        }
        d = dir_abs;
        int nargs;
        char **args = job_args(cmd, f, d, &nargs);
        char *abs = absolute(f, d);
        nargs = compdb_filter_args(args, nargs, abs, quiet);
        add_job(jobs, abs, d, args, nargs);
        free(abs);
        free(dir_abs);
        clang_disposeString(file);
        clang_disposeString(wd);
    }
    if (skipped && !quiet)
        fprintf(stderr, "viewcheck: note: %s/compile_commands.json: skipped %u assembly %s\n", dir,
                skipped, skipped == 1 ? "entry" : "entries");
    free(db_dir);
    clang_CompileCommands_dispose(cmds);
    clang_CompilationDatabase_dispose(db);
    jobs->database_dir = xstrdup(dir);
    return true;
}

void compdb_add_adhoc(vc_jobs *jobs, const char *file, char *const *args, int nargs, bool quiet)
{
    char **copy = xcalloc((size_t)nargs + 1, sizeof *copy);
    for (int i = 0; i < nargs; i++)
        copy[i] = xstrdup(args[i]);
    nargs = compdb_filter_args(copy, nargs, file, quiet);
    char cwd[PATH_MAX];
    add_job(jobs, file, getcwd(cwd, sizeof cwd) ? cwd : NULL, copy, nargs);
}

static bool under(const char *file, const char *path)
{
    char real_path[PATH_MAX], real_file[PATH_MAX];
    if (!realpath(path, real_path) || !realpath(file, real_file))
        return false;
    size_t n = strlen(real_path);
    return strncmp(real_file, real_path, n) == 0 && (real_file[n] == '\0' || real_file[n] == '/');
}

void compdb_narrow(vc_jobs *jobs, char *const *paths, int npaths)
{
    int out = 0;
    for (int i = 0; i < jobs->n; i++) {
        bool keep = false;
        for (int p = 0; p < npaths && !keep; p++)
            keep = under(jobs->items[i].file, paths[p]);
        if (keep) {
            jobs->items[out++] = jobs->items[i];
        } else {
            for (int a = 0; a < jobs->items[i].nargs; a++)
                free(jobs->items[i].args[a]);
            free(jobs->items[i].args);
            free(jobs->items[i].file);
            free(jobs->items[i].directory);
        }
    }
    jobs->n = out;
}

void compdb_free(vc_jobs *jobs)
{
    compdb_narrow(jobs, NULL, 0);
    free(jobs->items);
    free(jobs->database_dir);
}

void compdb_filter(vc_jobs *jobs, bool (*keep)(const vc_job *job, void *ctx), void *ctx)
{
    int out = 0;
    for (int i = 0; i < jobs->n; i++) {
        vc_job *j = &jobs->items[i];
        if (keep(j, ctx)) {
            jobs->items[out++] = *j;
            continue;
        }
        for (int a = 0; a < j->nargs; a++)
            free(j->args[a]);
        free(j->args);
        free(j->file);
        free(j->directory);
    }
    jobs->n = out;
}
