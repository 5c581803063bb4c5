#include "options.h"

#include "util.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

void options_usage(void)
{
    fputs("usage: viewcheck [OPTIONS] [FILE|DIR ...] [-- COMPILER_ARGS ...]\n"
          "       viewcheck rules [ID]\n"
          "       viewcheck report --db FILE [-f FORMAT | --html DIR] [--run N | --diff A B]\n"
          "       viewcheck merge OUT.db IN.db... [-f FORMAT] [--model FILE] [--checks LIST]\n"
          "       viewcheck lsp\n"
          "\n"
          "  -p DIR                 directory holding compile_commands.json\n"
          "  -f, --format FORMAT    text (default), json or sarif\n"
          "  -o FILE                write the report to FILE\n"
          "  --html DIR             also write a browsable report\n"
          "  --db FILE              results database (default .viewcheck/results.db)\n"
          "  --no-cache             analyze everything again\n"
          "  --baseline FILE        report only findings not in FILE (database or SARIF)\n"
          "  --fail-on LEVEL        error, warning (default) or none\n"
          "  --checks LIST          e.g. 'VC001,VC002' or '*,-VC004'\n"
          "  --model FILE           add a model file (repeatable)\n"
          "  --report-unused-suppressions\n"
          "                         report suppression comments that silence nothing (VC000)\n"
          "  --assume-unknown-calls reads|writes\n"
          "                         what functions without body or model do to arrays\n"
          "  -j N                   parallel worker processes (default: the number of cores)\n"
          "  --timeout SECONDS      per file (default 600; 0: none)\n"
          "  --memory-limit MIB     per worker process (default: none)\n"
          "  --shard K/N            analyze the K-th of N deterministic parts of the files\n"
          "  -q, -v                 quiet, verbose\n"
          "  --version              print the version\n",
          stderr);
}

static bool need_value(int i, int argc, const char *flag)
{
    if (i + 1 < argc)
        return true;
    fprintf(stderr, "viewcheck: error: %s needs a value\n", flag);
    return false;
}

static bool parse_format(const char *v, vc_format *f)
{
    if (strcmp(v, "text") == 0)
        *f = FORMAT_TEXT;
    else if (strcmp(v, "json") == 0)
        *f = FORMAT_JSON;
    else if (strcmp(v, "sarif") == 0)
        *f = FORMAT_SARIF;
    else {
        fprintf(stderr, "viewcheck: error: unknown format '%s' (text, json, sarif)\n", v);
        return false;
    }
    return true;
}

bool options_parse_fail_on(const char *v, vc_fail_on *f)
{
    if (strcmp(v, "error") == 0)
        *f = FAIL_ON_ERROR;
    else if (strcmp(v, "warning") == 0)
        *f = FAIL_ON_WARNING;
    else if (strcmp(v, "none") == 0)
        *f = FAIL_ON_NONE;
    else {
        fprintf(stderr, "viewcheck: error: unknown --fail-on level '%s' (error, warning, none)\n",
                v);
        return false;
    }
    return true;
}

/* Flags that take a value: returns 1 if handled, 0 if not this kind, -1 on error. */
static int value_flag(int argc, char **argv, int *i, vc_options *o)
{
    const char *a = argv[*i];
    const char *names[] = {"-p",         "-f",
                           "--format",   "-o",
                           "--html",     "--db",
                           "--baseline", "--fail-on",
                           "--checks",   "--model",
                           "-j",         "--assume-unknown-calls",
                           "--timeout",  "--memory-limit",
                           "--shard"};
    int which = -1;
    const char *value = NULL;
    for (int k = 0; k < (int)(sizeof names / sizeof *names); k++) {
        size_t n = strlen(names[k]);
        if (strcmp(a, names[k]) == 0) {
            if (!need_value(*i, argc, a))
                return -1;
            which = k;
            value = argv[++*i];
        } else if (strncmp(a, names[k], n) == 0 && a[n] == '=' && names[k][1] == '-') {
            which = k;
            value = a + n + 1;
        } else if (n == 2 && names[k][1] != '-' && strncmp(a, names[k], 2) == 0 && a[2]) {
            which = k; /* -j4, -pbuild: short options with the value attached */
            value = a + 2;
        }
        if (which >= 0)
            break;
    }
    switch (which) {
    case 0:
        o->compdb_dir = value;
        return 1;
    case 1:
    case 2:
        return parse_format(value, &o->format) ? 1 : -1;
    case 3:
        o->output = value;
        return 1;
    case 4:
        o->html_dir = value;
        return 1;
    case 5:
        o->db = value;
        return 1;
    case 6:
        o->baseline = value;
        return 1;
    case 7:
        o->fail_on_given = true;
        return options_parse_fail_on(value, &o->fail_on) ? 1 : -1;
    case 8:
        o->checks = value;
        return 1;
    case 9:
        o->models = xrealloc(o->models, (size_t)(o->nmodels + 1) * sizeof *o->models);
        o->models[o->nmodels++] = value;
        return 1;
    case 10:
        o->jobs = atoi(value);
        if (o->jobs <= 0) {
            fprintf(stderr, "viewcheck: error: -j needs a positive number, got '%s'\n", value);
            return -1;
        }
        return 1;
    case 11:
        if (strcmp(value, "reads") != 0 && strcmp(value, "writes") != 0) {
            fprintf(stderr, "viewcheck: error: --assume-unknown-calls takes reads or writes\n");
            return -1;
        }
        o->unknown_calls_write = strcmp(value, "writes") == 0;
        return 1;
    case 12:
    case 13: {
        char *end;
        unsigned long v = strtoul(value, &end, 10);
        if (*value == '-' || *end || end == value) {
            fprintf(stderr, "viewcheck: error: %s needs a number, got '%s'\n", names[which], value);
            return -1;
        }
        if (which == 12)
            o->timeout = (unsigned)v;
        else
            o->memory_limit = v;
        return 1;
    }
    case 14:
        if (sscanf(value, "%d/%d", &o->shard, &o->shards) != 2 || o->shards < 1 || o->shard < 1 ||
            o->shard > o->shards) {
            fprintf(stderr, "viewcheck: error: --shard takes K/N with 1 <= K <= N, got '%s'\n",
                    value);
            return -1;
        }
        return 1;
    default:
        return 0;
    }
}

bool options_parse(int argc, char **argv, vc_options *o)
{
    memset(o, 0, sizeof *o);
    o->fail_on = FAIL_ON_WARNING;
    o->timeout = 600;
    o->paths = xcalloc((size_t)argc + 1, sizeof *o->paths);
    for (int i = 0; i < argc; i++) {
        const char *a = argv[i];
        if (strcmp(a, "--") == 0) {
            o->adhoc = true;
            o->compiler_args = argv + i + 1;
            o->ncompiler_args = argc - i - 1;
            break;
        }
        int r = value_flag(argc, argv, &i, o);
        if (r < 0)
            return false;
        if (r > 0)
            continue;
        if (strcmp(a, "-q") == 0 || strcmp(a, "--quiet") == 0)
            o->quiet = true;
        else if (strcmp(a, "-v") == 0 || strcmp(a, "--verbose") == 0)
            o->verbose = true;
        else if (strcmp(a, "--no-cache") == 0)
            o->no_cache = true;
        else if (strcmp(a, "--dump-ir") == 0)
            o->dump_ir = true;
        else if (strcmp(a, "--report-unused-suppressions") == 0)
            o->report_unused_suppressions = true;
        else if (a[0] == '-' && a[1]) {
            fprintf(stderr, "viewcheck: error: unknown option '%s'\n", a);
            options_usage();
            return false;
        } else
            o->paths[o->npaths++] = argv[i];
    }
    if (o->adhoc && o->npaths == 0) {
        fprintf(stderr, "viewcheck: error: '--' needs source files before it\n");
        return false;
    }
    if (o->checks && !*o->checks) {
        fprintf(stderr, "viewcheck: error: --checks is empty\n");
        return false;
    }
    return true;
}

void options_free(vc_options *o)
{
    free(o->paths);
    free(o->models);
}

static bool glob_match(const char *pattern, size_t n, const char *id)
{
    if (n == 1 && pattern[0] == '*')
        return true;
    if (n > 0 && pattern[n - 1] == '*')
        return strncmp(pattern, id, n - 1) == 0;
    return strlen(id) == n && strncmp(pattern, id, n) == 0;
}

bool options_check_enabled(const char *checks, const char *id)
{
    if (!checks)
        return true;
    bool enabled = false;
    for (const char *p = checks; *p;) {
        while (*p == ',' || *p == ' ')
            p++;
        bool negative = *p == '-';
        if (negative)
            p++;
        size_t n = strcspn(p, ", ");
        if (n && glob_match(p, n, id))
            enabled = !negative;
        p += n;
    }
    return enabled;
}
