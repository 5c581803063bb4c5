/* nda_print: NumPy-like text ("[100 1 2 3 4 5]", nested brackets, floats as "1." / "2.5"),
 * returning the number of characters written. */
#include "support.h"

#include <math.h>
#include <string.h>

static void expect_text(const nda_array *a, const char *expected)
{
    char buf[512];
    int n = support_print(a, buf, sizeof buf);
    assert_string_equal(buf, expected);
    assert_int_equal(n, (int)strlen(expected));
}

static nda_array *values(nda_dtype dt, ptrdiff_t n, const double *v)
{
    nda_array *a = nda_from_values(dt, 1, &n, v);
    assert_non_null(a);
    return a;
}
#define VALUES(dt, ...)                                                                            \
    values(dt, (ptrdiff_t)(sizeof((const double[]){__VA_ARGS__}) / sizeof(double)),                \
           (const double[]){__VA_ARGS__})

static void test_seed_text(void **state)
{
    (void)state;
    nda_array *a = nda_arange(6);
    assert_int_equal(nda_set1(a, 0, 100), NDA_OK);
    expect_text(a, "[100 1 2 3 4 5]");
    nda_array *r = nda_slice(a, 0, NDA_END, NDA_END, -1);
    expect_text(r, "[5 4 3 2 1 100]");
    nda_array *e = nda_slice(a, 0, 3, 3, 1);
    expect_text(e, "[]");
    nda_array *z = nda_index(a, 0, 0);
    expect_text(z, "100");
    nda_release(z);
    nda_release(e);
    nda_release(r);
    nda_release(a);
}

static void test_nested(void **state)
{
    (void)state;
    const ptrdiff_t shape[2] = {2, 3};
    nda_array *a = support_iota(NDA_INT32, 2, shape);
    expect_text(a, "[[0 1 2]\n [3 4 5]]");
    nda_array *t = nda_transpose(a);
    expect_text(t, "[[0 3]\n [1 4]\n [2 5]]");
    const ptrdiff_t shape3[3] = {2, 2, 2};
    nda_array *c = support_iota(NDA_UINT8, 3, shape3);
    char buf[128];
    support_print(c, buf, sizeof buf);
    assert_memory_equal(buf, "[[[0 1]\n  [2 3]]", 16);
    const char *tail = "\n [[4 5]\n  [6 7]]]"; /* NumPy also ends so */
    assert_string_equal(buf + strlen(buf) - strlen(tail), tail);
    nda_release(c);
    nda_release(t);
    nda_release(a);
}

static void test_floats(void **state)
{
    (void)state;
    nda_array *f = VALUES(NDA_FLOAT64, 1, 2.5, -0.25);
    expect_text(f, "[1. 2.5 -0.25]");
    nda_array *s = VALUES(NDA_FLOAT32, 0.1, -3);
    expect_text(s, "[0.1 -3.]");
    nda_array *z = VALUES(NDA_FLOAT64, -0.0, 0);
    expect_text(z, "[-0. 0.]");
    nda_array *inf = nda_full(NDA_FLOAT64, 1, ((const ptrdiff_t[]){3}), 1);
    assert_int_equal(nda_set1(inf, 0, NAN), NDA_OK);
    assert_int_equal(nda_set1(inf, 1, INFINITY), NDA_OK);
    assert_int_equal(nda_set1(inf, 2, -INFINITY), NDA_OK);
    expect_text(inf, "[nan inf -inf]");
    nda_release(inf);
    nda_release(z);
    nda_release(s);
    nda_release(f);
}

static void test_integers(void **state)
{
    (void)state;
    nda_array *i = VALUES(NDA_INT32, -7, 2147483647, -2147483648.0);
    expect_text(i, "[-7 2147483647 -2147483648]");
    nda_array *u = VALUES(NDA_UINT8, 255, 0, 17);
    expect_text(u, "[255 0 17]");
    int64_t big[3] = {INT64_MAX, INT64_MIN, ((int64_t)1 << 53) + 1};
    nda_array *w = nda_wrap(big, NDA_INT64, 1, ((const ptrdiff_t[]){3}), NULL);
    expect_text(w, "[9223372036854775807 -9223372036854775808 9007199254740993]");
    nda_release(w);
    nda_release(u);
    nda_release(i);
}

static void test_print_resets_status(void **state)
{
    (void)state;
    nda_array *a = nda_arange(2);
    assert_nan(nda_get1(a, 5));
    expect_text(a, "[0 1]");
    assert_int_equal(nda_last_status(), NDA_OK);
    nda_release(a);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_seed_text),
        cmocka_unit_test(test_nested),
        cmocka_unit_test(test_floats),
        cmocka_unit_test(test_integers),
        cmocka_unit_test(test_print_resets_status),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
