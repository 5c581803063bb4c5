/* Analyses for the editor.
 *
 * A document belongs to a project: the compile database found for it as clangd finds one (its
 * directory, build/ beside it, then the parents; or initializationOptions.compilationDatabasePath)
 * and that database's results database, whose cached units (the lowered IR of every file of the
 * last `viewcheck` run) stand for the files that are not open. An analysis lowers the open
 * documents that changed from their unsaved text, puts them in place of their files' units, runs
 * the whole-program analysis over all the units and publishes the findings of every open document
 * of the project, so an edit of a helper updates the diagnostics of its callers.
 *
 * Each analysis runs in a forked child: a crash of libclang costs one analysis, and a newer change
 * cancels a running analysis by killing it. The child inherits the units (copy on write) and sends
 * back JSON: the findings of the open documents, and the units it lowered (kept by the server, so
 * that the next analysis lowers only what changed again). */
#define _GNU_SOURCE
#include "lsp.h"

#include "frontend.h"
#include "models_dir.h"
#include "options.h"
#include "results.h"
#include "rules.h"
#include "store.h"
#include "suppress.h"
#include "unit_io.h"
#include "util.h"

#include <clang-c/Index.h>
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#ifndef VIEWCHECK_VERSION
#define VIEWCHECK_VERSION "0.0.0"
#endif

double lsp_now(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

/* Says something once per key (a file and what is said about it). */
static bool first_time(lsp_server *s, const char *what, const char *path)
{
    char *key = xasprintf("%s:%s", what, path);
    bool first = strmap_get(&s->told, key) < 0;
    if (first)
        strmap_put(&s->told, key, 1);
    free(key);
    return first;
}

/* ---- settings ----------------------------------------------------------------------------- */

void lsp_settings_defaults(lsp_settings *s)
{
    memset(s, 0, sizeof *s);
    s->debounce_ms = 200;
    s->timeout_s = 60;
}

static void free_list(char **list, int n)
{
    for (int i = 0; i < n; i++)
        free(list[i]);
    free(list);
}

void lsp_settings_free(lsp_settings *s)
{
    free(s->compdb_dir);
    free(s->db);
    free(s->checks);
    free_list(s->models, s->nmodels);
    free_list(s->fallback_flags, s->nfallback);
    free(s->rules_url);
    free(s->root);
    memset(s, 0, sizeof *s);
}

static void set_string(char **dst, const json_t *v)
{
    if (json_is_string(v)) {
        free(*dst);
        *dst = xstrdup(json_string_value(v));
    }
}

static void set_list(char ***dst, int *n, const json_t *v)
{
    if (!json_is_array(v))
        return;
    free_list(*dst, *n);
    *dst = xcalloc(json_array_size(v) + 1, sizeof **dst);
    *n = 0;
    for (size_t i = 0; i < json_array_size(v); i++)
        if (json_is_string(json_array_get(v, i)))
            (*dst)[(*n)++] = xstrdup(json_string_value(json_array_get(v, i)));
}

/* A path of the settings: relative ones are relative to the workspace folder. */
static void anchor(const lsp_settings *s, char **path)
{
    if (*path && (*path)[0] != '/' && s->root) {
        char *abs = xasprintf("%s/%s", s->root, *path);
        free(*path);
        *path = abs;
    }
}

void lsp_settings_apply(lsp_settings *s, const json_t *o)
{
    if (json_is_object(o)) {
        set_string(&s->compdb_dir, json_object_get(o, "compilationDatabasePath"));
        set_string(&s->db, json_object_get(o, "resultsDatabase"));
        set_string(&s->db, json_object_get(o, "db"));
        set_string(&s->checks, json_object_get(o, "checks"));
        set_list(&s->models, &s->nmodels, json_object_get(o, "models"));
        set_list(&s->fallback_flags, &s->nfallback, json_object_get(o, "fallbackFlags"));
        set_string(&s->rules_url, json_object_get(o, "rulesUrl"));
        json_t *v = json_object_get(o, "debounceMs");
        if (json_is_integer(v) && json_integer_value(v) >= 0)
            s->debounce_ms = (int)json_integer_value(v);
        v = json_object_get(o, "timeoutSeconds");
        if (json_is_integer(v) && json_integer_value(v) > 0)
            s->timeout_s = (int)json_integer_value(v);
        v = json_object_get(o, "unknownCallsWrite");
        if (json_is_boolean(v))
            s->unknown_calls_write = json_is_true(v);
    }
    anchor(s, &s->compdb_dir);
    anchor(s, &s->db);
    for (int i = 0; i < s->nmodels; i++)
        anchor(s, &s->models[i]);
}

/* ---- rules and models --------------------------------------------------------------------- */

static bool load_model(lsp_server *s, const char *path, char *err, int errlen)
{
    if (strmap_get(&s->models_loaded, path) >= 0)
        return true;
    strmap_put(&s->models_loaded, path, 1);
    return model_set_load_yaml(s->cfg.models, path, err, errlen);
}

bool lsp_analyzer_init(lsp_server *s)
{
    char err[1024];
    if (!s->cfg.models) {
        s->cfg.models = model_set_new();
        strmap_init(&s->models_loaded);
        strmap_init(&s->told);
        s->configs = configs_new();
    }
    if (!s->defaults_loaded && !models_load_default(s->cfg.models, err, sizeof err)) {
        lsp_show(LSP_MSG_ERROR, "viewcheck: %s", err);
        return false;
    }
    s->defaults_loaded = true;
    for (int i = 0; i < s->set.nmodels; i++) {
        if (!load_model(s, s->set.models[i], err, sizeof err)) {
            lsp_show(LSP_MSG_ERROR, "viewcheck: %s", err);
            return false;
        }
    }
    s->cfg.nrules = 0;
    for (int i = 0; i < vc_nrules; i++) {
        const vc_rule *r = vc_all_rules[i];
        if ((r->on_event || r->on_call) && options_check_enabled(s->set.checks, r->id) &&
            s->cfg.nrules < (int)(sizeof s->enabled / sizeof *s->enabled))
            s->enabled[s->cfg.nrules++] = r;
    }
    s->cfg.rules = s->enabled;
    s->cfg.unknown_calls_write = s->set.unknown_calls_write;
    if (s->cfg.nrules == 0) {
        lsp_show(LSP_MSG_ERROR, "viewcheck: checks '%s' enable no rule (see `viewcheck rules`)",
                 s->set.checks);
        return false;
    }
    return true;
}

static void project_free_units(lsp_project *p)
{
    for (int i = 0; i < p->nunits; i++) {
        unit_free(p->units[i]);
        free(p->unit_paths[i]);
    }
    free(p->units);
    free(p->unit_paths);
    p->units = NULL;
    p->unit_paths = NULL;
    p->nunits = 0;
    for (int i = 0; i < p->nsaved; i++)
        unit_free(p->saved[i]);
    p->nsaved = 0;
}

void lsp_analyzer_free(lsp_server *s)
{
    lsp_cancel(s, NULL);
    for (int i = 0; i < s->nprojects; i++) {
        lsp_project *p = s->projects[i];
        project_free_units(p);
        free(p->saved);
        for (int k = 0; k < p->jobs.n; k++)
            free(p->job_paths[k]);
        free(p->job_paths);
        compdb_free(&p->jobs);
        free(p->dir);
        free(p->db_path);
        free(p);
    }
    free(s->projects);
    docs_free(&s->docs);
    if (s->cfg.models) {
        model_set_free(s->cfg.models);
        strmap_free(&s->models_loaded);
        strmap_free(&s->told);
        configs_free(s->configs);
    }
    free(s->out);
    json_decref(s->run_docs);
    free(s->run_projects);
}

/* ---- projects ----------------------------------------------------------------------------- */

static bool exists(const char *path)
{
    struct stat st;
    return stat(path, &st) == 0;
}

/* DIR if it holds compile_commands.json, else DIR/build if that does (clangd's order). */
static char *database_in(const char *dir)
{
    char *path = xasprintf("%s/compile_commands.json", dir);
    char *build_path = xasprintf("%s/build/compile_commands.json", dir);
    char *found = exists(path)         ? xstrdup(dir)
                  : exists(build_path) ? xasprintf("%s/build", dir)
                                       : NULL;
    free(path);
    free(build_path);
    return found;
}

/* The compile database of a file: the configured one, else up from the file's directory. */
static char *find_database(const lsp_server *s, const char *path)
{
    if (s->set.compdb_dir)
        return lsp_canonical(s->set.compdb_dir);
    char *dir = xstrdup(path);
    char *found = NULL;
    for (char *slash; !found && (slash = strrchr(dir, '/'));) {
        if (slash == dir) {
            found = database_in("/");
            break;
        }
        *slash = '\0';
        found = database_in(dir);
    }
    free(dir);
    return found;
}

/* A stamp of the results database's state (its file and its write-ahead log). */
static long long db_stamp(const char *path)
{
    long long stamp = 0;
    const char *suffixes[] = {"", "-wal"};
    for (int i = 0; path && i < 2; i++) {
        char *p = xasprintf("%s%s", path, suffixes[i]);
        struct stat st;
        if (stat(p, &st) == 0)
            stamp += (long long)st.st_mtim.tv_sec * 1000000000LL + st.st_mtim.tv_nsec + st.st_size;
        free(p);
    }
    return stamp;
}

static void project_load_db(lsp_project *p)
{
    project_free_units(p);
    p->db_stamp = db_stamp(p->db_path);
    if (!p->db_path || !exists(p->db_path))
        return;
    char err[1024], **files = NULL, **texts = NULL;
    double start = lsp_now();
    vc_store *store = store_open(p->db_path, false, err, sizeof err);
    if (!store) {
        lsp_log(LSP_MSG_WARNING, "viewcheck: %s (files that are not open are not seen)", err);
        return;
    }
    int n = store_load_units(store, &files, &texts);
    store_close(store);
    p->units = xcalloc((size_t)n + 1, sizeof *p->units);
    p->unit_paths = xcalloc((size_t)n + 1, sizeof *p->unit_paths);
    for (int i = 0; i < n; i++) {
        vc_unit *u = unit_deserialize(texts[i], err, sizeof err);
        if (u && !u->error) {
            p->unit_paths[p->nunits] = lsp_canonical(u->main_file);
            p->units[p->nunits++] = u;
        } else {
            unit_free(u);
        }
        free(files[i]);
        free(texts[i]);
    }
    free(files);
    free(texts);
    lsp_log(LSP_MSG_LOG, "viewcheck: %d units from %s (%.0f ms)", p->nunits, p->db_path,
            (lsp_now() - start) * 1000);
}

static lsp_project *project_for(lsp_server *s, const char *dir)
{
    for (int i = 0; i < s->nprojects; i++) {
        const char *d = s->projects[i]->dir;
        if ((!d && !dir) || (d && dir && strcmp(d, dir) == 0))
            return s->projects[i];
    }
    lsp_project *p = xcalloc(1, sizeof *p);
    GROW(s->projects, s->nprojects, s->projects_cap);
    s->projects[s->nprojects++] = p;
    if (dir) {
        char err[1024];
        p->dir = xstrdup(dir);
        if (!compdb_load(dir, &p->jobs, err, sizeof err, !lsp_verbose))
            lsp_show(LSP_MSG_ERROR, "viewcheck: %s; its files are analyzed with default flags",
                     err);
        p->job_paths = xcalloc((size_t)p->jobs.n + 1, sizeof *p->job_paths);
        for (int i = 0; i < p->jobs.n; i++)
            p->job_paths[i] = lsp_canonical(p->jobs.items[i].file);
        p->db_path = results_default_path(s->set.db, dir);
    } else if (s->set.db) {
        p->db_path = xstrdup(s->set.db);
    } else if (s->set.root) {
        p->db_path = xasprintf("%s/.viewcheck/results.db", s->set.root);
    }
    project_load_db(p);
    return p;
}

/* The length of the common leading directories of two paths. */
static size_t common_dirs(const char *a, const char *b)
{
    size_t n = 0;
    for (size_t i = 0; a[i] && a[i] == b[i]; i++)
        if (a[i] == '/')
            n = i + 1;
    return n;
}

static char **copy_args(char *const *args, int n)
{
    char **out = xcalloc((size_t)n + 1, sizeof *out);
    for (int i = 0; i < n; i++)
        out[i] = xstrdup(args[i]);
    return out;
}

/* The compile command of a document: its own, else (as clangd does) the one of the file nearest
 * to it in the database, else the fallback flags. Said once per file when not its own. */
static void command_for(lsp_server *s, lsp_doc *d)
{
    lsp_project *p = d->project;
    lsp_command *c = &d->cmd;
    lsp_command_clear(c);
    int best = -1;
    size_t best_len = 0;
    for (int i = 0; i < p->jobs.n; i++) {
        if (strcmp(p->job_paths[i], d->path) == 0) {
            best = i;
            break;
        }
        size_t n = common_dirs(p->job_paths[i], d->path);
        if (best < 0 || n > best_len)
            best = i, best_len = n;
    }
    const char *base = strrchr(d->path, '/');
    base = base ? base + 1 : d->path;
    if (best >= 0) {
        const vc_job *j = &p->jobs.items[best];
        c->directory = j->directory ? xstrdup(j->directory) : NULL;
        c->args = copy_args(j->args, j->nargs);
        c->nargs = j->nargs;
        if (strcmp(p->job_paths[best], d->path) != 0) {
            c->origin = xstrdup(p->job_paths[best]);
            if (first_time(s, "defaults", d->path))
                lsp_show(LSP_MSG_INFO,
                         "viewcheck: %s has no compile command in %s/compile_commands.json; it is "
                         "analyzed with the flags of %s",
                         base, p->dir, c->origin);
        }
        return;
    }
    char *dir = xstrdup(d->path);
    char *slash = strrchr(dir, '/');
    if (slash)
        *(slash == dir ? slash + 1 : slash) = '\0';
    c->directory = dir;
    if (s->set.nfallback > 0) {
        c->args = copy_args(s->set.fallback_flags, s->set.nfallback);
        c->nargs = compdb_filter_args(c->args, s->set.nfallback, d->path, !lsp_verbose);
    } else {
        c->args = xcalloc(2, sizeof *c->args);
        c->args[c->nargs++] = xstrdup("-std=c11");
    }
    c->origin = xstrdup("defaults");
    if (first_time(s, "defaults", d->path)) {
        size_t n = 1;
        for (int i = 0; i < c->nargs; i++)
            n += strlen(c->args[i]) + 1;
        char *flags = xcalloc(n, 1);
        for (int i = 0; i < c->nargs; i++)
            strcat(strcat(flags, i ? " " : ""), c->args[i]);
        lsp_show(
            LSP_MSG_INFO,
            "viewcheck: no compile command for %s (no compile_commands.json in its directory, "
            "build/ or a parent%s); it is analyzed with the flags '%s' (initializationOptions: "
            "compilationDatabasePath, fallbackFlags)",
            base, p->dir ? ", or the database is empty" : "", flags);
        free(flags);
    }
}

void lsp_attach(lsp_server *s, lsp_doc *d)
{
    char *dir = find_database(s, d->path);
    d->project = project_for(s, dir);
    free(dir);
    const vc_project_config *pc = NULL;
    char err[1024];
    if (!configs_for(s->configs, d->path, &pc, err, sizeof err)) {
        if (first_time(s, "config", d->path))
            lsp_show(LSP_MSG_ERROR, "viewcheck: %s", err);
    } else if (pc) {
        d->excluded = config_excludes(pc, d->path);
        if (d->excluded && first_time(s, "excluded", d->path))
            lsp_show(LSP_MSG_INFO, "viewcheck: %s is excluded by %s; it is not analyzed", d->path,
                     pc->path);
        for (int m = 0; m < pc->nmodels; m++)
            if (!load_model(s, pc->models[m], err, sizeof err) && first_time(s, "model", pc->path))
                lsp_show(LSP_MSG_ERROR, "viewcheck: %s (named by %s)", err, pc->path);
        free(d->checks);
        d->checks = !s->set.checks && pc->checks ? xstrdup(pc->checks) : NULL;
    }
    command_for(s, d);
}

void lsp_detach(lsp_server *s, lsp_doc *d)
{
    lsp_project *p = d->project;
    if (!p)
        return;
    if (lsp_doc_unit(d) && d->unit_revision == d->revision) { /* as saved: newer than the db */
        size_t n = 0;
        char *disk = read_file(d->path, &n);
        if (disk && n == d->len && memcmp(disk, d->text, n) == 0) {
            int at = p->nsaved;
            for (int i = 0; i < p->nsaved; i++)
                if (strcmp(p->saved[i]->main_file, d->unit->main_file) == 0)
                    at = i;
            if (at == p->nsaved) {
                GROW(p->saved, p->nsaved, p->saved_cap);
                p->nsaved++;
            } else {
                unit_free(p->saved[at]);
            }
            p->saved[at] = d->unit;
            d->unit = NULL;
        }
        free(disk);
    }
    for (int i = 0; i < s->docs.n; i++) {
        if (s->docs.items[i] != d && s->docs.items[i]->project == p) {
            lsp_cancel(s, "a document closed");
            p->stale = true; /* its neighbours saw this document's unsaved text */
            lsp_schedule(s, s->set.debounce_ms / 1000.0);
            break;
        }
    }
}

/* ---- scheduling --------------------------------------------------------------------------- */

void lsp_schedule(lsp_server *s, double delay)
{
    s->due = lsp_now() + delay;
    if (s->due == 0)
        s->due = 1e-9;
}

static void end_run(lsp_server *s)
{
    if (s->child_fd >= 0)
        close(s->child_fd);
    s->child_fd = -1;
    s->child = 0;
    s->outlen = 0;
    json_decref(s->run_docs);
    s->run_docs = NULL;
    json_decref(s->run_header);
    s->run_header = NULL;
    s->run_header_end = 0;
    s->nrun_projects = 0;
}

void lsp_cancel(lsp_server *s, const char *why)
{
    if (s->child <= 0)
        return;
    kill(s->child, SIGKILL);
    while (waitpid(s->child, NULL, 0) < 0 && errno == EINTR)
        ;
    s->cancelled++;
    for (int i = 0; i < s->nrun_projects; i++) /* not analyzed after all */
        s->run_projects[i]->stale = true;
    if (why)
        lsp_log(LSP_MSG_LOG, "viewcheck: analysis cancelled (%s) after %.0f ms", why,
                (lsp_now() - s->child_started) * 1000);
    end_run(s);
}

static bool project_due(const lsp_server *s, const lsp_project *p)
{
    if (p->stale)
        return true;
    for (int i = 0; i < s->docs.n; i++)
        if (s->docs.items[i]->project == p && s->docs.items[i]->dirty &&
            !s->docs.items[i]->excluded)
            return true;
    return false;
}

/* For the tests: VIEWCHECK_TEST_LSP_DELAY_MS makes every analysis that long (a slow analysis,
 * to be cancelled); VIEWCHECK_TEST_CRASH names a file whose analysis crashes. */
static void test_hooks(const char *file)
{
    const char *delay = getenv("VIEWCHECK_TEST_LSP_DELAY_MS");
    const char *crash = getenv("VIEWCHECK_TEST_CRASH");
    if (delay && atoi(delay) > 0)
        usleep((useconds_t)atoi(delay) * 1000);
    if (crash && *crash && file && strstr(file, crash))
        raise(SIGSEGV);
}

static json_t *finding_json(const vc_finding *f)
{
    json_t *notes = json_array();
    for (int i = 0; i < f->nnotes; i++)
        json_array_append_new(notes, json_pack("{s:s,s:i,s:i,s:s}", "file", f->notes[i].file,
                                               "line", (json_int_t)f->notes[i].line, "col",
                                               (json_int_t)f->notes[i].col, "message",
                                               f->notes[i].message));
    return json_pack("{s:s,s:s,s:s,s:i,s:i,s:s,s:b,s:o}", "rule", f->rule, "level", f->level,
                     "file", f->file, "line", (json_int_t)f->line, "col", (json_int_t)f->col,
                     "message", f->message, "may", f->may, "notes", notes);
}

static bool same_file(const char *file, const char *path)
{
    if (strcmp(file, path) == 0)
        return true;
    char buf[PATH_MAX];
    return realpath(file, buf) && strcmp(buf, path) == 0;
}

/* One project: lower its changed documents, analyze with every unit, keep the open documents'
 * findings. */
static void analyze_project(lsp_server *s, lsp_project *p, CXIndex index, json_t *lowered,
                            json_t *docs, vc_unit ***fresh_units, int *nfresh, int *fresh_cap)
{
    int cap = s->docs.n + p->nsaved + p->nunits + 1, n = 0;
    vc_unit **units = xcalloc((size_t)cap, sizeof *units);
    bool *publish = xcalloc((size_t)s->docs.n + 1, sizeof *publish);
    strmap covered;
    strmap_init(&covered);
    for (int i = 0; i < s->docs.n; i++) {
        lsp_doc *d = s->docs.items[i];
        if (d->project != p || d->excluded)
            continue;
        vc_unit *u = NULL;
        if (d->dirty) {
            test_hooks(d->path);
            vc_compile_job cj = {d->path,      d->cmd.directory, (const char *const *)d->cmd.args,
                                 d->cmd.nargs, d->text,          d->len};
            vc_unit *fresh = frontend_lower(index, &cj);
            json_t *e = json_pack("{s:s,s:I}", "uri", d->uri, "revision", (json_int_t)d->revision);
            if (fresh->error) {
                json_object_set_new(e, "error", json_string(fresh->error));
                unit_free(fresh);
            } else {
                GROW(*fresh_units, *nfresh, *fresh_cap);
                (*fresh_units)[(*nfresh)++] = fresh;
                json_object_set_new(e, "unit", json_true());
                u = fresh;
            }
            json_array_append_new(lowered, e);
            publish[i] = u != NULL;
        } else {
            u = lsp_doc_unit(d);
            publish[i] = u && !d->failed && d->unit_revision == d->revision;
        }
        if (!u) /* it does not parse now: its last good state, else the database's */
            u = lsp_doc_unit(d);
        for (int k = 0; !u && k < p->nunits; k++)
            if (strcmp(p->unit_paths[k], d->path) == 0)
                u = p->units[k];
        if (u && strmap_get(&covered, d->path) < 0) {
            units[n++] = u;
            strmap_put(&covered, d->path, 1);
        }
    }
    for (int i = 0; i < p->nsaved; i++) {
        char *path = lsp_canonical(p->saved[i]->main_file);
        if (strmap_get(&covered, path) < 0) {
            units[n++] = p->saved[i];
            strmap_put(&covered, path, 1);
        }
        free(path);
    }
    for (int i = 0; i < p->nunits; i++) {
        if (strmap_get(&covered, p->unit_paths[i]) < 0) {
            units[n++] = p->units[i];
            strmap_put(&covered, p->unit_paths[i], 1);
        }
    }
    vc_findings fs = {0};
    analyze_program(units, n, &s->cfg, &fs);
    suppress_apply(&fs, 0, units, n, NULL);
    findings_sort(&fs);
    for (int i = 0; i < s->docs.n; i++) {
        lsp_doc *d = s->docs.items[i];
        if (!publish[i])
            continue;
        json_t *list = json_array();
        for (int k = 0; k < fs.n; k++)
            if (!fs.items[k].suppressed && same_file(fs.items[k].file, d->path))
                json_array_append_new(list, finding_json(&fs.items[k]));
        json_array_append_new(docs, json_pack("{s:s,s:I,s:o}", "uri", d->uri, "revision",
                                              (json_int_t)d->revision, "findings", list));
    }
    findings_free(&fs);
    strmap_free(&covered);
    free(publish);
    free(units);
}

static double cpu_ms(void)
{
    struct rusage ru;
    getrusage(RUSAGE_SELF, &ru);
    return (double)(ru.ru_utime.tv_sec + ru.ru_stime.tv_sec) * 1000 +
           (double)(ru.ru_utime.tv_usec + ru.ru_stime.tv_usec) / 1000;
}

static bool write_all(int fd, const char *text, size_t n)
{
    for (size_t at = 0; at < n;) {
        ssize_t w = write(fd, text + at, n - at);
        if (w < 0 && errno == EINTR)
            continue;
        if (w <= 0)
            return false;
        at += (size_t)w;
    }
    return true;
}

/* The child's output: one JSON object (the findings, the lowering failures, timings), a newline,
 * then each lowered unit as "LENGTH\n" and its text (unit_io.c), so that the server can publish
 * before it reads the (large) units. */
static void child_main(lsp_server *s, int fd)
{
    signal(SIGPIPE, SIG_DFL);
    double start = lsp_now(), cpu = cpu_ms();
    CXIndex index = clang_createIndex(0, 0);
    json_t *out = json_object(), *lowered = json_array(), *docs = json_array();
    vc_unit **fresh = NULL;
    int nfresh = 0, cap = 0;
    for (int i = 0; i < s->nrun_projects; i++)
        analyze_project(s, s->run_projects[i], index, lowered, docs, &fresh, &nfresh, &cap);
    json_object_set_new(out, "lowered", lowered);
    json_object_set_new(out, "docs", docs);
    json_object_set_new(out, "ms", json_real((lsp_now() - start) * 1000));
    json_object_set_new(out, "cpu_ms", json_real(cpu_ms() - cpu));
    char *text = json_dumps(out, JSON_COMPACT);
    bool ok = text && write_all(fd, text, strlen(text)) && write_all(fd, "\n", 1);
    for (int i = 0; ok && i < nfresh; i++) { /* after the findings: off the critical path */
        char length[32], *unit = unit_serialize(fresh[i]);
        int h = snprintf(length, sizeof length, "%zu\n", strlen(unit));
        ok = write_all(fd, length, (size_t)h) && write_all(fd, unit, strlen(unit));
        free(unit);
    }
    _exit(0);
}

static void reload_changed_databases(lsp_server *s)
{
    for (int i = 0; i < s->nprojects; i++) {
        lsp_project *p = s->projects[i];
        if (p->db_path && db_stamp(p->db_path) != p->db_stamp) {
            lsp_log(LSP_MSG_LOG, "viewcheck: %s changed; loading its units again", p->db_path);
            project_load_db(p); /* a newer run: it also replaces the saved buffers' units */
        }
    }
}

static void start_analysis(lsp_server *s)
{
    reload_changed_databases(s);
    s->nrun_projects = 0;
    s->run_projects =
        xrealloc(s->run_projects, ((size_t)s->nprojects + 1) * sizeof *s->run_projects);
    for (int i = 0; i < s->nprojects; i++)
        if (project_due(s, s->projects[i]))
            s->run_projects[s->nrun_projects++] = s->projects[i];
    if (s->nrun_projects == 0)
        return;
    for (int i = 0; i < s->nrun_projects; i++) /* set again if something changes meanwhile */
        s->run_projects[i]->stale = false;
    s->run_docs = json_array();
    for (int i = 0; i < s->docs.n; i++) {
        lsp_doc *d = s->docs.items[i];
        for (int k = 0; k < s->nrun_projects; k++) {
            if (d->project != s->run_projects[k] || d->excluded)
                continue;
            json_array_append_new(s->run_docs, json_pack("{s:s,s:I}", "uri", d->uri, "revision",
                                                         (json_int_t)d->revision));
            if (!d->dirty) /* read once here rather than in every analysis's child */
                lsp_doc_unit(d);
        }
    }
    int fds[2];
    if (pipe(fds) != 0) {
        lsp_log(LSP_MSG_ERROR, "viewcheck: cannot start an analysis: %s", strerror(errno));
        end_run(s);
        return;
    }
    fflush(NULL);
    pid_t pid = fork();
    if (pid == 0) {
        close(fds[0]);
        close(lsp_output());
        child_main(s, fds[1]);
    }
    close(fds[1]);
    if (pid < 0) {
        close(fds[0]);
        lsp_log(LSP_MSG_ERROR, "viewcheck: cannot start an analysis: %s", strerror(errno));
        end_run(s);
        return;
    }
    fcntl(fds[0], F_SETFD, FD_CLOEXEC);
    s->child = pid;
    s->child_fd = fds[0];
    s->child_started = lsp_now();
    s->outlen = 0;
    s->analyses++;
}

int lsp_tick(lsp_server *s)
{
    double now = lsp_now();
    if (s->child > 0 && now >= s->child_started + s->set.timeout_s) {
        lsp_show(LSP_MSG_WARNING,
                 "viewcheck: an analysis took longer than %d s and was stopped (timeoutSeconds)",
                 s->set.timeout_s);
        for (size_t i = 0; i < json_array_size(s->run_docs); i++) { /* not again until edited */
            json_t *e = json_array_get(s->run_docs, i);
            lsp_doc *d = docs_find(&s->docs, json_string_value(json_object_get(e, "uri")));
            if (d)
                d->dirty = false, d->failed = true;
        }
        lsp_cancel(s, NULL); /* its projects stay stale: analyzed again at the next change */
    }
    if (s->child <= 0 && s->due > 0 && now >= s->due) {
        s->due = 0;
        start_analysis(s);
    }
    double wait = -1;
    if (s->child > 0)
        wait = s->child_started + s->set.timeout_s - now;
    else if (s->due > 0)
        wait = s->due - now;
    if (wait < 0)
        return s->child > 0 || s->due > 0 ? 0 : -1;
    return (int)(wait * 1000) + 1;
}

/* The analysis's documents whose revision is still the analyzed one: lowered, so not dirty. */
static void settle_run(lsp_server *s, bool crashed)
{
    for (size_t i = 0; i < json_array_size(s->run_docs); i++) {
        json_t *e = json_array_get(s->run_docs, i);
        lsp_doc *d = docs_find(&s->docs, json_string_value(json_object_get(e, "uri")));
        if (d && d->revision == (unsigned long)json_integer_value(json_object_get(e, "revision"))) {
            if (crashed)
                d->failed = true;
            d->dirty = false;
            d->analyzed = true;
        }
    }
}

/* The output's first line: lowering failures, then the diagnostics, published at once. */
static void apply_header(lsp_server *s, json_t *out)
{
    json_t *docs = json_object_get(out, "docs"), *lowered = json_object_get(out, "lowered");
    for (size_t i = 0; i < json_array_size(lowered); i++) { /* failures first: no publishing */
        json_t *e = json_array_get(lowered, i);
        lsp_doc *d = docs_find(&s->docs, json_string_value(json_object_get(e, "uri")));
        json_t *error = json_object_get(e, "error");
        if (!d || d->revision != (unsigned long)json_integer_value(json_object_get(e, "revision")))
            continue;
        d->failed = error != NULL;
        if (error && first_time(s, "failed", d->path))
            lsp_show(LSP_MSG_WARNING,
                     "viewcheck: %s could not be analyzed (its diagnostics are kept until it "
                     "parses): %s",
                     d->path, json_string_value(error));
        else if (error)
            lsp_log(LSP_MSG_LOG, "viewcheck: not analyzed: %s", json_string_value(error));
    }
    if (lsp_verbose)
        lsp_log(LSP_MSG_LOG,
                "viewcheck: publishing %.0f ms after the analysis started (in the child: %.0f ms, "
                "%.0f ms of CPU)",
                (lsp_now() - s->child_started) * 1000, json_real_value(json_object_get(out, "ms")),
                json_real_value(json_object_get(out, "cpu_ms")));
    for (size_t i = 0; i < json_array_size(docs); i++) {
        json_t *e = json_array_get(docs, i);
        lsp_doc *d = docs_find(&s->docs, json_string_value(json_object_get(e, "uri")));
        if (d && d->revision == (unsigned long)json_integer_value(json_object_get(e, "revision")))
            lsp_publish(s, d, json_object_get(e, "findings"));
    }
}

/* The rest: the lowered units, each "LENGTH\n" and its text, kept (as text) for the documents. */
static void apply_units(lsp_server *s, json_t *out, const char *rest, size_t restlen)
{
    json_t *lowered = json_object_get(out, "lowered");
    for (size_t i = 0; i < json_array_size(lowered); i++) {
        json_t *e = json_array_get(lowered, i);
        if (!json_is_true(json_object_get(e, "unit")))
            continue;
        size_t at = 0, n = 0;
        while (at < restlen && rest[at] >= '0' && rest[at] <= '9')
            n = n * 10 + (size_t)(rest[at++] - '0');
        if (at >= restlen || rest[at] != '\n' || restlen - at - 1 < n)
            break; /* truncated: the units are not kept, the next analysis lowers again */
        lsp_doc *d = docs_find(&s->docs, json_string_value(json_object_get(e, "uri")));
        unsigned long rev = (unsigned long)json_integer_value(json_object_get(e, "revision"));
        if (d && d->revision == rev) { /* read when needed: often never, as it changes again */
            unit_free(d->unit);
            free(d->unit_text);
            d->unit = NULL;
            d->unit_text = xstrndup(rest + at + 1, n);
            d->unit_revision = rev;
        }
        rest += at + 1 + n;
        restlen -= at + 1 + n;
    }
}

void lsp_collect(lsp_server *s)
{
    if (s->child <= 0)
        return;
    if (s->outcap - s->outlen < 65536) {
        s->outcap = s->outcap * 2 + 65536;
        s->out = xrealloc(s->out, s->outcap);
    }
    ssize_t r = read(s->child_fd, s->out + s->outlen, s->outcap - s->outlen);
    if (r < 0 && (errno == EINTR || errno == EAGAIN))
        return;
    if (r > 0) {
        size_t from = s->outlen;
        s->outlen += (size_t)r;
        const char *nl = s->run_header ? NULL : memchr(s->out + from, '\n', (size_t)r);
        if (nl) { /* the findings are complete: publish before the units arrive */
            json_error_t jerr;
            s->run_header_end = (size_t)(nl - s->out) + 1;
            s->run_header = json_loadb(s->out, s->run_header_end - 1, 0, &jerr);
            if (s->run_header)
                apply_header(s, s->run_header);
            else
                s->run_header_end = 0;
        }
        return;
    }
    int status = 0;
    while (waitpid(s->child, &status, 0) < 0 && errno == EINTR)
        ;
    if (!s->run_header) {
        char why[64];
        if (WIFSIGNALED(status))
            snprintf(why, sizeof why, "signal %d", WTERMSIG(status));
        else
            snprintf(why, sizeof why, "exit status %d", WEXITSTATUS(status));
        if (first_time(s, "crash", "analysis"))
            lsp_show(LSP_MSG_ERROR,
                     "viewcheck: an analysis crashed (%s); the server goes on, and analyzes "
                     "again at the next change",
                     why);
        else
            lsp_log(LSP_MSG_ERROR, "viewcheck: an analysis crashed (%s)", why);
        settle_run(s, true);
    } else {
        if (WIFEXITED(status) && WEXITSTATUS(status) == 0)
            apply_units(s, s->run_header, s->out + s->run_header_end,
                        s->outlen - s->run_header_end);
        settle_run(s, false);
    }
    end_run(s);
    for (int i = 0; i < s->nprojects && !s->due; i++) /* documents opened meanwhile */
        if (project_due(s, s->projects[i]))
            lsp_schedule(s, 0);
}

/* ---- diagnostics -------------------------------------------------------------------------- */

char *lsp_file_text(lsp_server *s, const char *path, size_t *len)
{
    char *canon = lsp_canonical(path);
    lsp_doc *d = docs_find_path(&s->docs, canon);
    free(canon);
    if (d) {
        *len = d->len;
        return xstrndup(d->text, d->len);
    }
    return read_file(path, len);
}

static char *cache_dir(void)
{
    const char *xdg = getenv("XDG_CACHE_HOME"), *home = getenv("HOME");
    if (xdg && *xdg)
        return xasprintf("%s/viewcheck/rules-%s", xdg, VIEWCHECK_VERSION);
    if (home && *home)
        return xasprintf("%s/.cache/viewcheck/rules-%s", home, VIEWCHECK_VERSION);
    return NULL;
}

static bool make_dirs(char *path)
{
    for (char *p = path + 1; *p; p++) {
        if (*p != '/')
            continue;
        *p = '\0';
        bool ok = mkdir(path, 0777) == 0 || errno == EEXIST;
        *p = '/';
        if (!ok)
            return false;
    }
    return mkdir(path, 0777) == 0 || errno == EEXIST;
}

/* rulesUrl with {id} replaced, else the rule's page (built into viewcheck) written once to the
 * cache directory and linked as a file:// URI. */
char *lsp_rule_href(lsp_server *s, const char *rule)
{
    if (s->set.rules_url) {
        const char *at = strstr(s->set.rules_url, "{id}");
        return at ? xasprintf("%.*s%s%s", (int)(at - s->set.rules_url), s->set.rules_url, rule,
                              at + 4)
                  : xasprintf("%s%s", s->set.rules_url, rule);
    }
    const char *doc = rules_doc(rule);
    char *dir = doc ? cache_dir() : NULL;
    if (!dir)
        return NULL;
    char *path = xasprintf("%s/%s.md", dir, rule), *href = NULL;
    if (!first_time(s, "page", rule)) {
        href = exists(path) ? lsp_path_to_uri(path) : NULL;
    } else if (make_dirs(dir)) {
        size_t n = 0;
        char *old = read_file(path, &n);
        bool same = old && n == strlen(doc) && memcmp(old, doc, n) == 0;
        free(old);
        char *tmp = xasprintf("%s.%d", path, (int)getpid());
        FILE *f = same ? NULL : fopen(tmp, "w");
        if (f) {
            bool ok = fputs(doc, f) >= 0;
            ok = fclose(f) == 0 && ok && rename(tmp, path) == 0;
            if (!ok)
                unlink(tmp);
        }
        free(tmp);
        href = exists(path) ? lsp_path_to_uri(path) : NULL;
    }
    free(path);
    free(dir);
    return href;
}

json_t *lsp_diagnostic(lsp_server *s, lsp_doc *d, const json_t *f)
{
    const char *rule = json_string_value(json_object_get(f, "rule"));
    const char *level = json_string_value(json_object_get(f, "level"));
    unsigned line = (unsigned)json_integer_value(json_object_get(f, "line"));
    unsigned col = (unsigned)json_integer_value(json_object_get(f, "col"));
    json_t *diag = json_object();
    json_object_set_new(diag, "range", lsp_range(d->text, d->len, line, col, s->set.utf8));
    json_object_set_new(diag, "severity", json_integer(level && !strcmp(level, "error") ? 1 : 2));
    json_object_set_new(diag, "code", json_string(rule ? rule : "viewcheck"));
    char *href = rule ? lsp_rule_href(s, rule) : NULL;
    if (href)
        json_object_set_new(diag, "codeDescription", json_pack("{s:s}", "href", href));
    free(href);
    json_object_set_new(diag, "source", json_string("viewcheck"));
    json_object_set(diag, "message", json_object_get(f, "message"));
    json_t *related = json_array(), *notes = json_object_get(f, "notes");
    for (size_t i = 0; i < json_array_size(notes); i++) {
        json_t *n = json_array_get(notes, i);
        const char *file = json_string_value(json_object_get(n, "file"));
        if (!file)
            continue;
        char *canon = lsp_canonical(file);
        lsp_doc *open = docs_find_path(&s->docs, canon);
        size_t len = 0;
        char *text = open ? NULL : read_file(canon, &len);
        char *uri = open ? xstrdup(open->uri) : lsp_path_to_uri(canon);
        json_t *range =
            lsp_range(open ? open->text : text, open ? open->len : len,
                      (unsigned)json_integer_value(json_object_get(n, "line")),
                      (unsigned)json_integer_value(json_object_get(n, "col")), s->set.utf8);
        json_array_append_new(related,
                              json_pack("{s:{s:s,s:o},s:O}", "location", "uri", uri, "range", range,
                                        "message", json_object_get(n, "message")));
        free(uri);
        free(text);
        free(canon);
    }
    json_object_set_new(diag, "relatedInformation", related);
    return diag;
}

void lsp_publish(lsp_server *s, lsp_doc *d, json_t *findings)
{
    json_t *diags = json_array(), *kept = json_array();
    for (size_t i = 0; i < json_array_size(findings); i++) {
        json_t *f = json_array_get(findings, i);
        const char *rule = json_string_value(json_object_get(f, "rule"));
        if (d->checks && rule && !options_check_enabled(d->checks, rule))
            continue; /* switched off for this file by its .viewcheck.yaml */
        json_array_append(kept, f);
        json_array_append_new(diags, lsp_diagnostic(s, d, f));
    }
    json_decref(d->findings);
    d->findings = kept;
    d->findings_revision = d->revision;
    json_t *params = json_pack("{s:s,s:o}", "uri", d->uri, "diagnostics", diags);
    if (findings)
        json_object_set_new(params, "version", json_integer((json_int_t)d->version));
    lsp_notify("textDocument/publishDiagnostics", params);
}
