/* Element access: nda_get*, nda_set*: negative indices, NDA_EBOUNDS, NDA_EREADONLY, conversions. */
#include "support.h"

static void test_get_negative_indices(void **state)
{
    (void)state;
    const ptrdiff_t shape[2] = {3, 4};
    nda_array *a = support_iota(NDA_FLOAT64, 2, shape);
    assert_double_equal(nda_get2(a, 0, 0), 0);
    assert_double_equal(nda_get2(a, -1, -1), 11);
    assert_double_equal(nda_get2(a, -3, 2), 2);
    assert_double_equal(nda_get2(a, 1, -4), 4);
    assert_double_equal(nda_get(a, ((const ptrdiff_t[]){-2, 3})), 7);
    nda_array *r = nda_row(a, 1);
    assert_double_equal(nda_get1(r, -1), 7);
    assert_double_equal(nda_get1(r, -4), 4);
    nda_release(r);
    const ptrdiff_t shape3[3] = {2, 3, 4};
    nda_array *b = support_iota(NDA_INT32, 3, shape3);
    assert_double_equal(nda_get(b, ((const ptrdiff_t[]){1, -1, -2})), 12 + 8 + 2);
    nda_release(b);
    nda_release(a);
}

static void check_get_bounds(const nda_array *a, ptrdiff_t i, ptrdiff_t j)
{
    support_capture_reset();
    assert_nan(nda_get2(a, i, j));
    assert_failure(NDA_EBOUNDS, "nda_get2");
    assert_nan(nda_get(a, ((const ptrdiff_t[]){i, j})));
    assert_failure(NDA_EBOUNDS, "nda_get");
}

static void test_get_out_of_bounds(void **state)
{
    (void)state;
    const ptrdiff_t shape[2] = {3, 4};
    nda_array *a = support_iota(NDA_FLOAT64, 2, shape);
    support_capture_begin();
    check_get_bounds(a, 3, 0);
    check_get_bounds(a, -4, 0);
    check_get_bounds(a, 0, 4);
    check_get_bounds(a, 0, -5);
    check_get_bounds(a, PTRDIFF_MIN, 0);
    check_get_bounds(a, 0, PTRDIFF_MAX);
    nda_array *r = nda_row(a, 0);
    assert_nan(nda_get1(r, 4));
    assert_failure(NDA_EBOUNDS, "nda_get1");
    assert_nan(nda_get1(r, -5));
    assert_failure(NDA_EBOUNDS, "nda_get1");
    nda_array *e = nda_slice(r, 0, 2, 2, 1);
    assert_nan(nda_get1(e, 0));
    assert_failure(NDA_EBOUNDS, "nda_get1");
    support_capture_end();
    nda_release(e);
    nda_release(r);
    nda_release(a);
}

static void test_wrong_index_count(void **state)
{
    (void)state;
    const ptrdiff_t shape[2] = {2, 2};
    nda_array *a = support_iota(NDA_FLOAT64, 2, shape);
    nda_array *r = nda_row(a, 0);
    support_capture_begin();
    assert_nan(nda_get1(a, 0));
    assert_failure(NDA_EINVAL, "nda_get1");
    assert_nan(nda_get2(r, 0, 0));
    assert_failure(NDA_EINVAL, "nda_get2");
    assert_int_equal(nda_set1(a, 0, 1), NDA_EINVAL);
    assert_failure(NDA_EINVAL, "nda_set1");
    assert_int_equal(nda_set2(r, 0, 0, 1), NDA_EINVAL);
    assert_failure(NDA_EINVAL, "nda_set2");
    assert_nan(nda_get(a, NULL));
    assert_failure(NDA_EINVAL, "nda_get");
    support_capture_end();
    assert_values(a, 0, 1, 2, 3);
    nda_release(r);
    nda_release(a);
}

static void test_set_writes_one_element(void **state)
{
    (void)state;
    const ptrdiff_t shape[2] = {2, 3};
    nda_array *a = nda_zeros(NDA_FLOAT64, 2, shape);
    assert_int_equal(nda_set2(a, -1, -2, 5), NDA_OK);
    assert_int_equal(nda_set(a, ((const ptrdiff_t[]){0, -3}), 6), NDA_OK);
    assert_values(a, 6, 0, 0, 0, 5, 0);
    nda_array *c = nda_col(a, 2);
    assert_int_equal(nda_set1(c, -2, 7), NDA_OK);
    assert_values(a, 6, 0, 7, 0, 5, 0);
    nda_array *s = nda_index(c, 0, 1);
    assert_int_equal(nda_set(s, NULL, 8), NDA_OK); /* 0-D */
    assert_values(a, 6, 0, 7, 0, 5, 8);
    nda_release(s);
    nda_release(c);
    nda_release(a);
}

static void test_set_out_of_bounds_writes_nothing(void **state)
{
    (void)state;
    const ptrdiff_t n = 4;
    nda_array *a = support_iota(NDA_INT64, 1, &n);
    support_snapshot snap;
    support_take(&snap, a);
    support_capture_begin();
    assert_int_equal(nda_set1(a, 4, 1), NDA_EBOUNDS);
    assert_failure(NDA_EBOUNDS, "nda_set1");
    assert_int_equal(nda_set1(a, -5, 1), NDA_EBOUNDS);
    assert_failure(NDA_EBOUNDS, "nda_set1");
    assert_int_equal(nda_set(a, ((const ptrdiff_t[]){PTRDIFF_MIN}), 1), NDA_EBOUNDS);
    assert_failure(NDA_EBOUNDS, "nda_set");
    nda_array *m = nda_reshape(a, 2, ((const ptrdiff_t[]){2, 2}));
    assert_int_equal(nda_set2(m, 2, 0, 1), NDA_EBOUNDS);
    assert_failure(NDA_EBOUNDS, "nda_set2");
    support_capture_end();
    assert_unchanged(&snap);
    nda_release(m);
    nda_release(a);
}

static void test_set_readonly(void **state)
{
    (void)state;
    const ptrdiff_t shape[2] = {2, 2};
    nda_array *a = support_iota(NDA_FLOAT64, 2, shape);
    nda_array *d = nda_diagonal(a);
    support_snapshot snap;
    support_take(&snap, a);
    support_capture_begin();
    assert_int_equal(nda_set1(d, 0, 9), NDA_EREADONLY);
    assert_failure(NDA_EREADONLY, "nda_set1");
    assert_int_equal(nda_set_writeable(a, false), NDA_OK);
    assert_int_equal(nda_set2(a, 1, 1, 9), NDA_EREADONLY);
    assert_failure(NDA_EREADONLY, "nda_set2");
    assert_int_equal(nda_set(a, ((const ptrdiff_t[]){0, 1}), 9), NDA_EREADONLY);
    assert_failure(NDA_EREADONLY, "nda_set");
    support_capture_end();
    assert_unchanged(&snap);
    assert_double_equal(nda_get2(a, 1, 1), 3); /* reads still work */
    nda_release(d);
    nda_release(a);
}

static void test_set_converts_to_dtype(void **state)
{
    (void)state;
    const ptrdiff_t n = 2;
    nda_array *i = nda_zeros(NDA_INT32, 1, &n);
    nda_array *u = nda_zeros(NDA_UINT8, 1, &n);
    nda_array *f = nda_zeros(NDA_FLOAT32, 1, &n);
    assert_int_equal(nda_set1(i, 0, 3.9), NDA_OK);
    assert_int_equal(nda_set1(i, 1, -3.9), NDA_OK);
    assert_int_equal(nda_set1(u, 0, 257), NDA_OK);
    assert_int_equal(nda_set1(u, 1, 255.5), NDA_OK);
    assert_int_equal(nda_set1(f, 0, 0.1), NDA_OK);
    assert_int_equal(nda_set1(f, 1, 16777217), NDA_OK); /* 2^24 + 1 rounds to even in float */
    assert_memory_equal(nda_cdata(i), ((const int32_t[]){3, -3}), 8);
    assert_memory_equal(nda_cdata(u), ((const unsigned char[]){1, 255}), 2);
    assert_memory_equal(nda_cdata(f), ((const float[]){0.1f, 16777216.0f}), 8);
    assert_double_equal(nda_get1(f, 0), (double)0.1f);
    nda_release(f);
    nda_release(u);
    nda_release(i);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_get_negative_indices),
        cmocka_unit_test(test_get_out_of_bounds),
        cmocka_unit_test(test_wrong_index_count),
        cmocka_unit_test(test_set_writes_one_element),
        cmocka_unit_test(test_set_out_of_bounds_writes_nothing),
        cmocka_unit_test(test_set_readonly),
        cmocka_unit_test(test_set_converts_to_dtype),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
