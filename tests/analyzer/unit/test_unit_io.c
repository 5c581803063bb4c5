/* The lowered unit's text form: what a worker writes is what the parent reads back, and a
 * truncated or altered text is refused (or read as some unit) without a crash. */
#define _DEFAULT_SOURCE
#include "lower_fixture.h"
#include "unit_io.h"

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

static const char SOURCE[] =
    "struct pair { nda_array *left, *right; };\n"
    "typedef void (*visit)(nda_array *);\n"
    "static void fill(nda_array *a) { nda_fill(a, 1.0); }\n"
    "int scaled(nda_array *a, struct pair *p, int n)\n"
    "{\n"
    "    const char *label = \"two words: and a colon\";\n"
    "    visit v = fill;\n"
    "    for (int i = 0; i < n; i++) {\n"
    "        nda_array *row = nda_slice(a, 0, i, i + 1, 1);\n"
    "        nda_set1(row, 0, -9223372036854775807LL - 1 < 0 ? (double)i : 0.0);\n"
    "        v(p->left);\n"
    "        nda_release(row);\n"
    "    }\n"
    "    return label[0] + n;\n"
    "}\n";

static int lower(void **state)
{
    *state = lower_source(SOURCE);
    return *state ? 0 : -1;
}

static int release(void **state)
{
    unit_free(*state);
    return 0;
}

static void reads_back_what_it_wrote(void **state)
{
    vc_unit *u = *state;
    char *text = unit_serialize(u), err[256];
    vc_unit *back = unit_deserialize(text, err, sizeof err);
    assert_non_null(back);
    char *again = unit_serialize(back);
    assert_string_equal(text, again);
    assert_int_equal(back->nfunctions, u->nfunctions);
    vc_function *f = find_function(u, "scaled"), *g = find_function(back, "scaled");
    assert_non_null(g);
    assert_int_equal(g->nblocks, f->nblocks);
    assert_int_equal(g->nplaces, f->nplaces);
    assert_int_equal(g->nback, f->nback); /* loops found again from the blocks */
    assert_true(g->nback > 0);
    assert_int_equal(count_instrs(g, I_CALL), count_instrs(f, I_CALL));
    assert_int_equal(back->nfiles, u->nfiles);
    assert_int_equal(back->files[0].nlines, u->files[0].nlines);
    assert_non_null(strstr(back->files[0].lines[7], "two words: and a colon"));
    assert_int_equal(back->naddress_taken, u->naddress_taken);
    assert_int_equal(back->ndeps, u->ndeps);
    free(again);
    free(text);
    unit_free(back);
}

static void refuses_every_truncation(void **state)
{
    char *text = unit_serialize(*state), err[256];
    size_t len = strlen(text);
    /* the text ends in a separator: only that one may go; the last 600 bytes one by one */
    size_t step = len / 1500 + 1;
    for (size_t cut = 0; cut + 1 < len; cut += cut + 600 < len ? step : 1) {
        char *part = strndup(text, cut);
        vc_unit *u = unit_deserialize(part, err, sizeof err);
        if (u)
            fail_msg("a unit read from the first %zu of %zu bytes", cut, len);
        free(part);
    }
    free(text);
}

static void survives_altered_bytes(void **state)
{
    char *text = unit_serialize(*state), err[256];
    size_t len = strlen(text);
    static const char replacements[] = "09-~: x";
    for (size_t at = 0; at < len; at += len / 700 + 1) {
        for (const char *r = replacements; *r; r++) {
            char saved = text[at];
            text[at] = *r;
            unit_free(unit_deserialize(text, err, sizeof err)); /* no crash, no leak */
            text[at] = saved;
        }
    }
    free(text);
}

static void names_what_is_not_a_unit(void **state)
{
    (void)state;
    char err[256];
    assert_null(unit_deserialize("{\"main\": \"a.c\", \"files\": []}", err, sizeof err));
    assert_non_null(strstr(err, "not a lowered unit"));
    assert_null(unit_deserialize("7:vcunit1 3:a.c 99999999999999999999", err, sizeof err));
    assert_non_null(strstr(err, "damaged"));
}

/* name, USR, not static, no body, at 0:0:0, no parameters, no places, the two blocks every
 * function has (empty, no edges), entry 0, exit 1 */
#define FUNCTION "1:f 6:c:@F@f 0 0 0 0 0 0 0 2 0 0 0 0 0 1 "

static void refuses_what_is_written_once_twice(void **state)
{
    (void)state;
    char err[256];
    vc_unit *u = unit_deserialize("7:vcunit1 3:a.c 0 1 " FUNCTION "0 0 ~ 0 ", err, sizeof err);
    assert_non_null(u);
    assert_int_equal(u->nfunctions, 1);
    assert_int_equal(u->functions[0]->nblocks, 2);
    unit_free(u);
    assert_null(
        unit_deserialize("7:vcunit1 3:a.c 0 2 " FUNCTION FUNCTION "0 0 ~ 0 ", err, sizeof err));
    assert_non_null(strstr(err, "damaged"));
    assert_null(
        unit_deserialize("7:vcunit1 3:a.c 2 3:a.c -1 3:a.c -1 0 0 0 ~ 0 ", err, sizeof err));
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test_setup_teardown(reads_back_what_it_wrote, lower, release),
        cmocka_unit_test_setup_teardown(refuses_every_truncation, lower, release),
        cmocka_unit_test_setup_teardown(survives_altered_bytes, lower, release),
        cmocka_unit_test(names_what_is_not_a_unit),
        cmocka_unit_test(refuses_what_is_written_once_twice),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
