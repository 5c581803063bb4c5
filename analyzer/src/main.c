/* viewcheck: finds aliasing bugs in C array code. */
#define _DEFAULT_SOURCE
#include "analysis.h"
#include "cache.h"
#include "program_reuse.h"
#include "baseline.h"
#include "compdb.h"
#include "config.h"
#include "frontend.h"
#include "lsp.h"
#include "models_dir.h"
#include "options.h"
#include "report.h"
#include "report_diff.h"
#include "report_html.h"
#include "results.h"
#include "rules.h"
#include "suppress.h"
#include "unit_io.h"
#include "util.h"
#include "workers.h"

#include <clang-c/Index.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#ifndef VIEWCHECK_VERSION
#define VIEWCHECK_VERSION "0.0.0"
#endif
#ifndef VIEWCHECK_MODELS_DIR
#define VIEWCHECK_MODELS_DIR "rules/models"
#endif

enum { EXIT_CLEAN = 0, EXIT_FINDINGS = 1, EXIT_USAGE = 2, EXIT_FAILED_UNITS = 3 };

static int cmd_rules(int argc, char **argv)
{
    if (argc == 0) {
        for (int i = 0; i < vc_nrules; i++)
            printf("%s  %-26s %-8s %s\n", vc_all_rules[i]->id, vc_all_rules[i]->name,
                   vc_all_rules[i]->level, vc_all_rules[i]->summary);
        return EXIT_CLEAN;
    }
    const vc_rule *r = rules_find(argv[0]);
    if (!r) {
        fprintf(stderr, "viewcheck: error: no rule '%s' (see `viewcheck rules`)\n", argv[0]);
        return EXIT_USAGE;
    }
    const char *doc = rules_doc(r->id);
    printf("%s", doc ? doc : r->summary);
    return EXIT_CLEAN;
}

static bool setup_config(const vc_options *o, vc_config *cfg, const vc_rule **enabled)
{
    char err[1024];
    cfg->models = model_set_new();
    if (!models_load_default(cfg->models, err, sizeof err)) {
        fprintf(stderr, "viewcheck: error: %s\n", err);
        return false;
    }
    for (int i = 0; i < o->nmodels; i++) {
        if (!model_set_load_yaml(cfg->models, o->models[i], err, sizeof err)) {
            fprintf(stderr, "viewcheck: error: %s\n", err);
            return false;
        }
    }
    cfg->nrules = 0;
    for (int i = 0; i < vc_nrules; i++) {
        const vc_rule *r = vc_all_rules[i];
        bool dataflow = r->on_event || r->on_call; /* VC000 comes from the suppression pass */
        if (dataflow && options_check_enabled(o->checks, r->id))
            enabled[cfg->nrules++] = r;
    }
    cfg->rules = enabled;
    cfg->unknown_calls_write = o->unknown_calls_write;
    cfg->workers = o->jobs > 0 ? o->jobs : (int)sysconf(_SC_NPROCESSORS_ONLN);
    cfg->verbose = o->verbose;
    if (cfg->nrules == 0) {
        fprintf(stderr, "viewcheck: error: --checks '%s' enables no rule (see `viewcheck rules`)\n",
                o->checks);
        return false;
    }
    return true;
}

typedef struct {
    vc_configs *configs;
    bool verbose, failed;
} exclusion_ctx;

static bool not_excluded(const vc_job *job, void *vctx)
{
    exclusion_ctx *x = vctx;
    const vc_project_config *pc;
    char err[1024];
    if (!configs_for(x->configs, job->file, &pc, err, sizeof err)) {
        fprintf(stderr, "viewcheck: error: %s\n", err);
        x->failed = true;
        return false;
    }
    bool skip = config_excludes(pc, job->file);
    if (skip && x->verbose)
        fprintf(stderr, "viewcheck: note: %s: excluded by %s\n", job->file, pc->path);
    return !skip;
}

/* .viewcheck.yaml files: exclusions (before analysis), their models, and fail-on. */
static bool apply_project_configs(vc_options *o, vc_jobs *jobs, vc_configs *configs, vc_config *cfg)
{
    exclusion_ctx x = {configs, o->verbose, false};
    compdb_filter(jobs, not_excluded, &x);
    if (x.failed)
        return false;
    char err[1024], cwd[PATH_MAX];
    strmap loaded;
    strmap_init(&loaded);
    bool ok = true;
    for (int i = 0; ok && i < jobs->n; i++) {
        const vc_project_config *pc;
        configs_for(configs, jobs->items[i].file, &pc, err, sizeof err);
        for (int m = 0; pc && m < pc->nmodels && ok; m++) {
            if (strmap_get(&loaded, pc->models[m]) >= 0)
                continue;
            strmap_put(&loaded, pc->models[m], 1);
            if (!(ok = model_set_load_yaml(cfg->models, pc->models[m], err, sizeof err)))
                fprintf(stderr, "viewcheck: error: %s (named by %s)\n", err, pc->path);
        }
    }
    strmap_free(&loaded);
    const vc_project_config *pc = NULL;
    char *here = xasprintf("%s/.", getcwd(cwd, sizeof cwd) ? cwd : ".");
    if (ok && !o->fail_on_given && configs_for(configs, here, &pc, err, sizeof err) && pc &&
        pc->fail_on)
        options_parse_fail_on(pc->fail_on, &o->fail_on);
    free(here);
    return ok;
}

/* Without --checks, each file's .viewcheck.yaml may switch rules off for it. */
static void apply_file_checks(const vc_options *o, vc_configs *configs, vc_findings *fs)
{
    if (o->checks)
        return;
    int kept = 0;
    for (int i = 0; i < fs->n; i++) {
        const vc_project_config *pc;
        char err[256];
        vc_finding *f = &fs->items[i];
        if (configs_for(configs, f->file, &pc, err, sizeof err) && pc && pc->checks &&
            !options_check_enabled(pc->checks, f->rule)) {
            finding_clear(f);
            continue;
        }
        fs->items[kept++] = *f;
    }
    fs->n = kept;
}

static bool collect_all_jobs(const vc_options *o, vc_jobs *jobs);

static bool in_shard(const vc_job *job, void *ctx)
{
    const vc_options *o = ctx;
    unsigned long long h = text_hash(1469598103934665603ull, job->file, strlen(job->file));
    return (int)(h % (unsigned long long)o->shards) == o->shard - 1;
}

static bool collect_jobs(const vc_options *o, vc_jobs *jobs)
{
    if (!collect_all_jobs(o, jobs))
        return false;
    if (o->shards > 0) /* --shard K/N: a deterministic part, by the files' names */
        compdb_filter(jobs, in_shard, (void *)o);
    return true;
}

static bool collect_all_jobs(const vc_options *o, vc_jobs *jobs)
{
    char err[1024];
    if (o->adhoc) {
        for (int i = 0; i < o->npaths; i++) {
            struct stat st;
            if (access(o->paths[i], R_OK) != 0 || stat(o->paths[i], &st) != 0) {
                fprintf(stderr, "viewcheck: error: %s: cannot read the file\n", o->paths[i]);
                return false;
            }
            if (S_ISDIR(st.st_mode)) {
                fprintf(stderr,
                        "viewcheck: error: %s: is a directory; with '--' name source "
                        "files (directories narrow a compile database)\n",
                        o->paths[i]);
                return false;
            }
            compdb_add_adhoc(jobs, o->paths[i], o->compiler_args, o->ncompiler_args, o->quiet);
        }
        return true;
    }
    char *dir = o->compdb_dir ? xstrdup(o->compdb_dir) : compdb_discover();
    if (!dir) {
        fprintf(stderr, "viewcheck: error: no compile_commands.json in ., build/ or a parent "
                        "directory; use -p DIR, or FILE... -- COMPILER_ARGS\n");
        return false;
    }
    bool ok = compdb_load(dir, jobs, err, sizeof err, o->quiet);
    free(dir);
    if (!ok) {
        fprintf(stderr, "viewcheck: error: %s\n", err);
        return false;
    }
    if (o->npaths > 0) {
        compdb_narrow(jobs, o->paths, o->npaths);
        if (jobs->n == 0) {
            fprintf(stderr, "viewcheck: error: none of the given files is in the compile "
                            "database\n");
            return false;
        }
    }
    return true;
}

/* Suppressions, unused suppressions and fingerprints, from the units' source lines. */
static void check_findings(const vc_options *o, vc_unit *const *units, int nunits,
                           vc_findings *findings)
{
    strmap used;
    strmap_init(&used);
    suppress_apply(findings, 0, units, nunits, &used);
    if (o->report_unused_suppressions)
        suppress_report_unused(findings, units, nunits, &used, "VC000", "warning");
    strmap_free(&used);
    char cwd[PATH_MAX];
    fingerprint_apply(findings, 0, units, nunits, getcwd(cwd, sizeof cwd) ? cwd : NULL);
}

/* What shapes the findings besides the units and the models: the rules, the options and each
 * file's configured checks (the whole-program cache's key). */
static char *analysis_options(const vc_options *o, const vc_jobs *jobs, const vc_config *cfg,
                              vc_configs *configs)
{
    char *head = xasprintf("unknown_calls_write=%d unused=%d", cfg->unknown_calls_write,
                           o->report_unused_suppressions);
    unsigned long long h = text_hash(1469598103934665603ull, head, strlen(head) + 1);
    free(head);
    for (int r = 0; r < cfg->nrules; r++)
        h = text_hash(h, cfg->rules[r]->id, strlen(cfg->rules[r]->id) + 1);
    for (int i = 0; i < jobs->n && !o->checks; i++) {
        const vc_project_config *pc = NULL;
        char err[256];
        configs_for(configs, jobs->items[i].file, &pc, err, sizeof err);
        const char *checks = pc && pc->checks ? pc->checks : "-";
        h = text_hash(h, checks, strlen(checks) + 1);
    }
    return xasprintf("%016llx", h);
}

/* Nothing the findings depend on changed since a stored run: its findings stand. */
static bool reuse_program_run(const vc_options *o, vc_cache *cache, const char *key,
                              vc_store *store, vc_findings *findings, vc_failures *failures)
{
    long long run = cache_program_lookup(cache, key);
    char err[256];
    if (run < 0 || store_load_run(store, run, findings, failures, err, sizeof err) < 0)
        return false;
    if (o->verbose)
        fprintf(stderr, "viewcheck: note: nothing changed since run %lld: its findings stand\n",
                run);
    return true;
}

/* The whole-program phase, with the earlier run's per-function results where the cache is on. */
static void analyze_whole_program(const vc_config *cfg, vc_cache *cache, const char *analysis,
                                  vc_unit **units, int nunits, vc_findings *findings)
{
    if (!cache->store) {
        analyze_program(units, nunits, cfg, findings);
        return;
    }
    char *key = xasprintf("%s %s %s", VIEWCHECK_VERSION, cache->models_hash, analysis);
    vc_reuse reuse;
    reuse_load(&reuse, cache->store, key);
    vc_config with_reuse = *cfg;
    with_reuse.reuse = &reuse;
    analyze_program(units, nunits, &with_reuse, findings);
    reuse_save(&reuse, cache->store, key);
    reuse_free(&reuse);
    free(key);
}

static void analyze_jobs(const vc_options *o, const vc_jobs *jobs, const vc_config *cfg,
                         vc_configs *configs, vc_store *store, vc_findings *findings,
                         vc_failures *failures)
{
    vc_cache cache;
    cache_init(&cache, o->no_cache || o->dump_ir ? NULL : store, cfg->models);
    char *analysis = analysis_options(o, jobs, cfg, configs);
    char *program_key = cache_program_key(&cache, jobs, analysis);
    if (cache.store && reuse_program_run(o, &cache, program_key, store, findings, failures)) {
        free(analysis);
        free(program_key);
        cache_free(&cache);
        return;
    }
    vc_unit **units = xcalloc((size_t)jobs->n + 1, sizeof *units);
    vc_jobs todo = {0}; /* the jobs the cache cannot answer, parsed in workers */
    int *where = xcalloc((size_t)jobs->n + 1, sizeof *where);
    todo.items = xcalloc((size_t)jobs->n + 1, sizeof *todo.items);
    for (int i = 0; i < jobs->n; i++) {
        units[i] = o->dump_ir ? NULL : cache_lookup(&cache, &jobs->items[i]);
        if (!units[i]) {
            where[todo.n] = i;
            todo.items[todo.n++] = jobs->items[i];
        }
    }
    vc_unit **parsed = xcalloc((size_t)todo.n + 1, sizeof *parsed);
    vc_worker_options wo = {o->jobs > 0 ? o->jobs : (int)sysconf(_SC_NPROCESSORS_ONLN), o->timeout,
                            o->memory_limit, !o->quiet && isatty(STDERR_FILENO)};
    int before = failures->n;
    double start = util_seconds();
    workers_lower(&todo, &wo, parsed, failures); /* phase 1: parse and lower every unit once */
    for (int k = 0; k < todo.n; k++) {
        units[where[k]] = parsed[k];
        if (parsed[k] && store)
            cache_store(&cache, &todo.items[k], parsed[k]);
    }
    if (o->verbose)
        fprintf(stderr, "viewcheck: note: %d units from the cache, %d parsed (%.2f s)\n",
                cache.hits, todo.n, util_seconds() - start);
    free(parsed);
    free(where);
    free(todo.items);
    for (int i = before; i < failures->n; i++)
        fprintf(stderr, "viewcheck: error: %s: could not be analyzed: %s\n", failures->files[i],
                failures->reasons[i]);
    int nunits = 0;
    for (int i = 0; i < jobs->n; i++) {
        vc_unit *u = units[i];
        if (u && u->error) {
            failures_add(failures, jobs->items[i].file, u->error);
            fprintf(stderr, "viewcheck: error: %s: could not be analyzed: %s\n",
                    jobs->items[i].file, u->error);
            unit_free(u);
        } else if (u) {
            units[nunits++] = u;
        }
    }
    if (o->dump_ir) {
        for (int u = 0; u < nunits; u++)
            for (int f = 0; f < units[u]->nfunctions; f++)
                if (units[u]->functions[f]->has_body)
                    ir_dump(units[u]->functions[f], stdout);
    } else { /* phase 2: summaries over the whole program, then every function checked */
        analyze_whole_program(cfg, &cache, analysis, units, nunits, findings);
        check_findings(o, units, nunits, findings);
        if (failures->n == 0)
            cache_program_store(&cache, program_key, units, nunits);
    }
    free(analysis);
    free(program_key);
    cache_free(&cache);
    for (int u = 0; u < nunits; u++)
        unit_free(units[u]);
    free(units);
}

static int exit_status(const vc_options *o, const vc_findings *fs, const vc_failures *failures)
{
    if (failures->n > 0)
        return EXIT_FAILED_UNITS;
    if (o->fail_on == FAIL_ON_NONE)
        return EXIT_CLEAN;
    for (int i = 0; i < fs->n; i++) {
        if (fs->items[i].suppressed)
            continue;
        if (o->fail_on == FAIL_ON_WARNING || strcmp(fs->items[i].level, "error") == 0)
            return EXIT_FINDINGS;
    }
    return EXIT_CLEAN;
}

static int distinct_files(const vc_jobs *jobs)
{
    int n = 0;
    for (int i = 0; i < jobs->n; i++) {
        bool seen = false;
        for (int k = 0; k < i && !seen; k++)
            seen = strcmp(jobs->items[k].file, jobs->items[i].file) == 0;
        n += !seen;
    }
    return n;
}

static void summary_line(const vc_findings *fs, const vc_failures *failures, int nfiles,
                         double seconds, int in_baseline)
{
    int errors = 0, warnings = 0, suppressed = 0;
    for (int i = 0; i < fs->n; i++) {
        if (fs->items[i].suppressed)
            suppressed++;
        else if (strcmp(fs->items[i].level, "error") == 0)
            errors++;
        else
            warnings++;
    }
    char known[64] = "";
    if (in_baseline >= 0)
        snprintf(known, sizeof known, ", %d already in the baseline", in_baseline);
    fprintf(stderr,
            "viewcheck: %d findings (%d errors, %d warnings) in %d files, %d suppressed, "
            "%d failed%s, %.1f s\n",
            errors + warnings, errors, warnings, nfiles, suppressed, failures->n, known, seconds);
}

/* --baseline: only findings whose fingerprint the earlier run does not have are reported. */
static bool apply_baseline(const vc_options *o, vc_findings *fs, int *dropped)
{
    *dropped = -1;
    if (!o->baseline)
        return true;
    char err[1024];
    strmap fps;
    strmap_init(&fps);
    bool ok = baseline_load(o->baseline, &fps, err, sizeof err);
    if (ok)
        *dropped = baseline_filter(fs, &fps);
    else
        fprintf(stderr, "viewcheck: error: %s\n", err);
    strmap_free(&fps);
    return ok;
}

static bool write_report(const vc_options *o, const vc_findings *fs, const vc_failures *failures)
{
    FILE *out = stdout;
    if (o->output && !(out = fopen(o->output, "w"))) {
        fprintf(stderr, "viewcheck: error: %s: cannot write the report\n", o->output);
        return false;
    }
    char cwd[PATH_MAX];
    vc_report r = {fs, failures, VIEWCHECK_VERSION, getcwd(cwd, sizeof cwd) ? cwd : NULL};
    if (o->format == FORMAT_TEXT)
        report_text(out, &r);
    else if (o->format == FORMAT_JSON)
        report_json(out, &r);
    else
        report_sarif(out, &r);
    if (out != stdout && fclose(out) != 0) {
        fprintf(stderr, "viewcheck: error: %s: writing the report failed\n", o->output);
        return false;
    }
    return true;
}

/* --html DIR: the browsable report of these findings, with the trend of the stored runs. */
static bool write_html(const vc_options *o, vc_store *store, const vc_findings *fs,
                       const vc_failures *failures)
{
    if (!o->html_dir)
        return true;
    char cwd[PATH_MAX], err[1024];
    vc_report r = {fs, failures, VIEWCHECK_VERSION, getcwd(cwd, sizeof cwd) ? cwd : NULL};
    vc_run_stat *history = NULL;
    int n = store ? store_run_history(store, &history) : 0;
    bool ok = report_html_write(o->html_dir, &r, history, n, err, sizeof err);
    for (int i = 0; i < n; i++)
        free(history[i].started);
    free(history);
    if (!ok)
        fprintf(stderr, "viewcheck: error: %s\n", err);
    else if (!o->quiet)
        fprintf(stderr, "viewcheck: HTML report: %s/index.html\n", o->html_dir);
    return ok;
}

static char *joined(int argc, char **argv)
{
    size_t n = 1;
    for (int i = 0; i < argc; i++)
        n += strlen(argv[i]) + 1;
    char *out = xcalloc(n, 1);
    for (int i = 0; i < argc; i++) {
        if (i)
            strcat(out, " ");
        strcat(out, argv[i]);
    }
    return out;
}

static bool record_run(vc_store *store, int argc, char **argv, const char *compdb, int nfiles,
                       const vc_findings *findings, const vc_failures *failures, double duration)
{
    char started[64], err[1024];
    time_t t = time(NULL);
    strftime(started, sizeof started, "%Y-%m-%dT%H:%M:%SZ", gmtime(&t));
    char *options = joined(argc, argv);
    vc_run_info run = {started,  VIEWCHECK_VERSION,    options,    compdb,
                       duration, nfiles - failures->n, failures->n};
    long long id = store_write_run(store, &run, findings, failures, err, sizeof err);
    free(options);
    if (id < 0)
        fprintf(stderr, "viewcheck: error: %s\n", err);
    return id >= 0;
}

static int cmd_analyze(int argc, char **argv)
{
    vc_options o;
    if (!options_parse(argc, argv, &o)) {
        options_free(&o);
        return EXIT_USAGE;
    }
    vc_config cfg = {0};
    const vc_rule *enabled[16];
    vc_jobs jobs = {0};
    int status = EXIT_USAGE;
    vc_store *store = NULL;
    char *db_path = NULL;
    vc_configs *configs = configs_new();
    if (setup_config(&o, &cfg, enabled) && collect_jobs(&o, &jobs) &&
        apply_project_configs(&o, &jobs, configs, &cfg) &&
        (o.dump_ir ||
         (store = results_open(db_path = results_default_path(o.db, jobs.database_dir))))) {
        vc_findings findings = {0};
        vc_failures failures = {0};
        if (store)
            results_collect_summaries(store, &cfg);
        double start = util_seconds();
        analyze_jobs(&o, &jobs, &cfg, configs, store, &findings, &failures);
        apply_file_checks(&o, configs, &findings);
        findings_sort(&findings);
        double elapsed = util_seconds() - start;
        bool recorded = !store || record_run(store, argc, argv, jobs.database_dir,
                                             distinct_files(&jobs), &findings, &failures, elapsed);
        int known = -1;
        if (recorded && apply_baseline(&o, &findings, &known) &&
            (o.dump_ir || (write_report(&o, &findings, &failures) &&
                           write_html(&o, store, &findings, &failures)))) {
            status = exit_status(&o, &findings, &failures);
            if (!o.quiet && !o.dump_ir)
                summary_line(&findings, &failures, distinct_files(&jobs), elapsed, known);
        }
        findings_free(&findings);
        failures_free(&failures);
    }
    store_close(store);
    free(db_path);
    configs_free(configs);
    compdb_free(&jobs);
    model_set_free(cfg.models);
    options_free(&o);
    return status;
}

/* viewcheck report [--db FILE] [--run N] [-f FORMAT] [-o FILE]: a stored run, rendered again. */
static int cmd_report(int argc, char **argv)
{
    vc_options o;
    long long run = 0, diff_old = 0, diff_new = 0;
    for (int i = 0; i < argc;) { /* --run and --diff are report's own; the rest are the usual */
        int take = strcmp(argv[i], "--run") == 0 ? 2 : strcmp(argv[i], "--diff") == 0 ? 3 : 0;
        if (take == 0) {
            i++;
            continue;
        }
        if (i + take > argc) {
            fprintf(stderr, "viewcheck: error: %s needs %s\n", argv[i],
                    take == 2 ? "a run id" : "two run ids");
            return EXIT_USAGE;
        }
        if (take == 2)
            run = atoll(argv[i + 1]);
        else
            diff_old = atoll(argv[i + 1]), diff_new = atoll(argv[i + 2]);
        memmove(argv + i, argv + i + take, (size_t)(argc - i - take) * sizeof *argv);
        argc -= take;
    }
    if (!options_parse(argc, argv, &o) || o.npaths || o.adhoc) {
        if (o.npaths || o.adhoc)
            fprintf(stderr, "viewcheck: error: report takes no source files\n");
        options_free(&o);
        return EXIT_USAGE;
    }
    char err[1024], *path = results_default_path(o.db, NULL);
    vc_store *store = store_open(path, false, err, sizeof err);
    int status = EXIT_USAGE;
    vc_findings findings = {0};
    vc_failures failures = {0};
    if (!store)
        fprintf(stderr, "viewcheck: error: %s\n", err);
    else if (diff_old || diff_new)
        status =
            report_diff(stdout, store, diff_old, diff_new, o.format == FORMAT_JSON, err, sizeof err)
                ? EXIT_CLEAN
                : (fprintf(stderr, "viewcheck: error: %s\n", err), EXIT_USAGE);
    else if (store_load_run(store, run, &findings, &failures, err, sizeof err) < 0)
        fprintf(stderr, "viewcheck: error: %s\n", err);
    else if ((o.html_dir || write_report(&o, &findings, &failures)) &&
             write_html(&o, store, &findings, &failures))
        status = EXIT_CLEAN;
    findings_free(&findings);
    failures_free(&failures);
    store_close(store);
    free(path);
    options_free(&o);
    return status;
}

/* The units of every input database, the newest input winning for a file. */
static int load_shard_units(const vc_options *o, vc_store *out, vc_unit ***units)
{
    strmap seen;
    strmap_init(&seen);
    int n = 0, cap = 0;
    *units = NULL;
    for (int i = o->npaths - 1; i >= 1; i--) {
        char err[1024], **files, **texts;
        vc_store *in = store_open(o->paths[i], false, err, sizeof err);
        if (!in || !store_copy_runs(out, o->paths[i], err, sizeof err)) {
            fprintf(stderr, "viewcheck: error: %s\n", err);
            store_close(in);
            n = -1;
            break;
        }
        int count = store_load_units(in, &files, &texts);
        for (int k = 0; k < count; k++) {
            vc_unit *u = strmap_get(&seen, files[k]) < 0
                             ? unit_deserialize(texts[k], err, sizeof err)
                             : NULL;
            if (u) {
                strmap_put(&seen, files[k], 1);
                GROW(*units, n, cap);
                (*units)[n++] = u;
                store_put_unit(out, files[k], "merged", texts[k]);
            }
            free(files[k]);
            free(texts[k]);
        }
        free(files);
        free(texts);
        store_close(in);
    }
    strmap_free(&seen);
    return n;
}

/* viewcheck merge OUT.db IN.db...: the shards' runs and units in one database, and one more
 * run over all their units together, so that calls between shards are checked too. */
static int cmd_merge(int argc, char **argv)
{
    vc_options o;
    if (!options_parse(argc, argv, &o) || o.npaths < 2 || o.adhoc) {
        fprintf(stderr, "viewcheck: error: usage: viewcheck merge OUT.db IN.db...\n");
        options_free(&o);
        return EXIT_USAGE;
    }
    vc_config cfg = {0};
    const vc_rule *enabled[16];
    int status = EXIT_USAGE;
    vc_store *out = NULL;
    vc_unit **units = NULL;
    int n = 0;
    if (setup_config(&o, &cfg, enabled) && (out = results_open(o.paths[0])) &&
        (n = load_shard_units(&o, out, &units)) >= 0) {
        vc_findings findings = {0};
        vc_failures failures = {0};
        results_collect_summaries(out, &cfg);
        double start = util_seconds();
        analyze_program(units, n, &cfg, &findings);
        check_findings(&o, units, n, &findings);
        findings_sort(&findings);
        if (record_run(out, argc, argv, NULL, n, &findings, &failures, util_seconds() - start) &&
            write_report(&o, &findings, &failures)) {
            status = exit_status(&o, &findings, &failures);
            if (!o.quiet)
                summary_line(&findings, &failures, n, util_seconds() - start, -1);
        }
        findings_free(&findings);
    }
    for (int i = 0; i < n; i++)
        unit_free(units[i]);
    free(units);
    store_close(out);
    model_set_free(cfg.models);
    options_free(&o);
    return status;
}

int main(int argc, char **argv)
{
    if (argc > 1 && strcmp(argv[1], "rules") == 0)
        return cmd_rules(argc - 2, argv + 2);
    if (argc > 1 && strcmp(argv[1], "report") == 0)
        return cmd_report(argc - 2, argv + 2);
    if (argc > 1 && strcmp(argv[1], "merge") == 0)
        return cmd_merge(argc - 2, argv + 2);
    if (argc > 1 && strcmp(argv[1], "lsp") == 0)
        return lsp_main(argc - 2, argv + 2);
    if (argc > 1 && strcmp(argv[1], "--version") == 0) {
        printf("viewcheck %s\n", VIEWCHECK_VERSION);
        return EXIT_CLEAN;
    }
    if (argc > 1 && (strcmp(argv[1], "--help") == 0 || strcmp(argv[1], "-h") == 0)) {
        options_usage();
        return EXIT_CLEAN;
    }
    return cmd_analyze(argc - 1, argv + 1);
}
