/* The model loader: the effect syntax, YAML files, and clear errors for malformed ones. */
#define _DEFAULT_SOURCE
#include "models.h"
#include "analysis.h"
#include "summary_io.h"

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <cmocka.h>

static void parses_effects(void **state)
{
    (void)state;
    vc_effect e;
    const char *why;
    assert_true(model_parse_effect("nda:no_partial_overlap(out, x)", &e, &why));
    assert_int_equal(e.kind, FX_NO_PARTIAL_OVERLAP);
    assert_int_equal(e.nargs, 2);
    assert_string_equal(e.args[0].name, "out");
    assert_string_equal(e.args[1].name, "x");
    vc_model m = {0};
    model_add_effect(&m, e);
    assert_true(model_parse_effect("region_slice(a, 0, 1, 9, 2)", &e, &why));
    assert_true(e.args[2].literal);
    assert_int_equal(e.args[3].value, 9);
    model_add_effect(&m, e);
    char *names[] = {"out", "x", "a"};
    const char *bad;
    assert_true(model_resolve(&m, names, 3, &bad));
    assert_int_equal(m.effects[0].args[1].param, 1);
    assert_int_equal(m.effects[1].args[0].param, 2);
    assert_int_equal(m.effects[1].args[1].param, -1); /* a value, not a parameter */
    model_clear(&m);
}

static void rejects_bad_effects(void **state)
{
    (void)state;
    vc_effect e;
    const char *why = NULL;
    assert_false(model_parse_effect("scribbles(a)", &e, &why));
    assert_string_equal(why, "unknown effect");
    assert_false(model_parse_effect("writes(a, b)", &e, &why));
    assert_string_equal(why, "wrong number of arguments");
    assert_false(model_parse_effect("writes(a", &e, &why));
    assert_false(model_parse_effect("writes(a-b)", &e, &why));
    vc_model m = {0};
    assert_true(model_parse_effect("reads(nosuch)", &e, &why));
    model_add_effect(&m, e);
    char *names[] = {"a"};
    const char *bad = NULL;
    assert_false(model_resolve(&m, names, 1, &bad));
    assert_string_equal(bad, "nosuch");
    model_clear(&m);
}

static char *write_temp(const char *text)
{
    static char path[64];
    strcpy(path, "/tmp/vc_model_XXXXXX.yaml");
    int fd = mkstemps(path, 5);
    assert_true(fd >= 0);
    FILE *f = fdopen(fd, "w");
    fputs(text, f);
    fclose(f);
    return path;
}

static bool load(const char *text, char *err, int errlen, vc_model_set *set)
{
    char *path = write_temp(text);
    bool ok = model_set_load_yaml(set, path, err, errlen);
    unlink(path);
    return ok;
}

static void loads_a_model_file(void **state)
{
    (void)state;
    vc_model_set *set = model_set_new();
    char err[256] = "";
    bool ok = load("models:\n"
                   "  - function: memcpy\n"
                   "    effects: [writes(0), reads(1), \"no_overlap(0, 1)\"]\n"
                   "  - functions: [gsl_matrix_row, gsl_matrix_column]\n"
                   "    effects: [returns_view(m)]\n"
                   "    field: vector\n",
                   err, sizeof err, set);
    if (!ok)
        fail_msg("%s", err);
    vc_model *m = model_set_get(set, "memcpy");
    assert_non_null(m);
    assert_int_equal(m->neffects, 3);
    assert_true(model_has(m, FX_NO_OVERLAP));
    vc_model *col = model_set_get(set, "gsl_matrix_column");
    assert_non_null(col);
    assert_string_equal(col->effects[0].field, "vector");
    assert_null(model_set_get(set, "strcpy"));
    model_set_free(set);
}

static void expect_error(const char *text, const char *line_and_reason)
{
    vc_model_set *set = model_set_new();
    char err[256] = "";
    assert_false(load(text, err, sizeof err, set));
    assert_non_null(strstr(err, "/tmp/vc_model_")); /* names the file */
    if (!strstr(err, line_and_reason))
        fail_msg("error '%s' does not say '%s'", err, line_and_reason);
    model_set_free(set);
}

static void malformed_files_name_line_and_reason(void **state)
{
    (void)state;
    expect_error("models:\n  - function: f\n    effects: [scribbles(0)]\n",
                 ":3: unknown effect: scribbles(0)");
    expect_error("models:\n  - function: f\n    efects: [reads(0)]\n",
                 ":3: unknown key in a model: efects");
    expect_error("models:\n  - effects: [reads(0)]\n", ":2: a model needs 'function");
    expect_error("models: [1, 2\n", "YAML syntax error");
    expect_error("functions: []\n", "expected a top-level 'models:' list");
    expect_error("", "the file is empty");
    expect_error("models:\n  - function: f\n    effects: [no_overlap(0, 1)]\n",
                 ":3: unclosed '(' (in a [flow, list], quote effects that contain commas)");
    expect_error("models:\n  - function: f\n    effects: reads(0)\n",
                 ":3: 'effects' must be a list");
}

static void missing_file(void **state)
{
    (void)state;
    vc_model_set *set = model_set_new();
    char err[256];
    assert_false(model_set_load_yaml(set, "/nonexistent/models.yaml", err, sizeof err));
    assert_non_null(strstr(err, "/nonexistent/models.yaml: cannot open"));
    model_set_free(set);
}

/* Summaries cross processes and runs as JSON: every field comes back (worker processes, the
 * large component's rounds and the incremental run depend on it). */
static void summaries_round_trip(void **state)
{
    (void)state;
    const char *texts[] = {"reads(0)", "releases(1)", "writes(0)", "no_partial_overlap(0, 1)"};
    vc_model m = {0};
    for (size_t i = 0; i < sizeof texts / sizeof *texts; i++) {
        vc_effect e;
        const char *why;
        assert_true(model_parse_effect(texts[i], &e, &why));
        e.may = i == 1;
        e.early = i == 1;
        e.before_others = i >= 1;
        model_add_effect(&m, e);
    }
    json_t *j = summary_json(&m);
    vc_model back = {0};
    assert_true(summary_from_json(j, &back));
    assert_int_equal(back.neffects, m.neffects);
    assert_true(program_same_summary(&m, &back));
    for (int i = 0; i < m.neffects; i++)
        assert_int_equal(back.effects[i].before_others, m.effects[i].before_others);
    json_decref(j);
    model_clear(&m);
    model_clear(&back);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(parses_effects),
        cmocka_unit_test(rejects_bad_effects),
        cmocka_unit_test(loads_a_model_file),
        cmocka_unit_test(malformed_files_name_line_and_reason),
        cmocka_unit_test(missing_file),
        cmocka_unit_test(summaries_round_trip),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
