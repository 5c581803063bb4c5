/* Copies: nda_copy, nda_flatten, nda_astype are fresh, C-contiguous, writeable owners. */
#include "support.h"

#include <string.h>

static void assert_fresh_copy(const nda_array *c, const nda_array *source)
{
    assert_non_null(c);
    assert_null(nda_base(c));
    assert_true(nda_owns_data(c));
    assert_true(nda_is_writeable(c));
    assert_true(nda_is_c_contiguous(c));
    assert_false(nda_may_share_memory(c, source));
}

static void test_copy_is_independent(void **state)
{
    (void)state;
    const ptrdiff_t shape[2] = {2, 3};
    nda_array *a = support_iota(NDA_FLOAT64, 2, shape);
    nda_array *c = nda_copy(a);
    assert_fresh_copy(c, a);
    assert_layout(c, 2, shape, ((const ptrdiff_t[]){24, 8}));
    assert_values(c, 0, 1, 2, 3, 4, 5);
    assert_int_equal(nda_set2(c, 0, 0, 50), NDA_OK);
    assert_int_equal(nda_set2(a, 1, 2, 60), NDA_OK);
    assert_values(a, 0, 1, 2, 3, 4, 60);
    assert_values(c, 50, 1, 2, 3, 4, 5);
    nda_release(c);
    nda_release(a);
}

static void test_copy_of_views(void **state)
{
    (void)state;
    const ptrdiff_t shape[2] = {3, 4};
    nda_array *a = support_iota(NDA_INT32, 2, shape);
    nda_array *t = nda_transpose(a);
    nda_array *ct = nda_copy(t);
    assert_fresh_copy(ct, a);
    assert_layout(ct, 2, ((const ptrdiff_t[]){4, 3}), ((const ptrdiff_t[]){12, 4}));
    assert_values(ct, 0, 4, 8, 1, 5, 9, 2, 6, 10, 3, 7, 11);
    nda_array *d = nda_diagonal(a);
    nda_array *cd = nda_copy(d); /* a copy of a read-only view is writeable */
    assert_fresh_copy(cd, a);
    assert_values(cd, 0, 5, 10);
    nda_array *r = nda_slice(a, 1, NDA_END, NDA_END, -3);
    nda_array *cr = nda_copy(r);
    assert_values(cr, 3, 0, 7, 4, 11, 8);
    nda_array *z = nda_index(d, 0, 2);
    nda_array *cz = nda_copy(z);
    assert_int_equal(nda_ndim(cz), 0);
    assert_double_equal(nda_get(cz, NULL), 10);
    nda_release(cz);
    nda_release(z);
    nda_release(cr);
    nda_release(r);
    nda_release(cd);
    nda_release(d);
    nda_release(ct);
    nda_release(t);
    nda_release(a);
}

/* Large enough transposed copies take the runtime's tiled 2-D path. */
static void check_big_transpose(nda_dtype dt, ptrdiff_t rows, ptrdiff_t cols)
{
    const ptrdiff_t shape[2] = {rows, cols};
    nda_array *a = nda_empty(dt, 2, shape);
    for (ptrdiff_t i = 0; i < rows; i++)
        for (ptrdiff_t j = 0; j < cols; j++)
            assert_int_equal(nda_set2(a, i, j, (double)((i * 7 + j) % 251)), NDA_OK);
    nda_array *t = nda_transpose(a);
    nda_array *c = nda_copy(t);
    assert_fresh_copy(c, a);
    for (ptrdiff_t j = 0; j < cols; j++)
        for (ptrdiff_t i = 0; i < rows; i++)
            assert_double_equal(nda_get2(c, j, i), (double)((i * 7 + j) % 251));
    nda_release(c);
    nda_release(t);
    nda_release(a);
}

static void test_copy_large_transposed(void **state)
{
    (void)state;
    check_big_transpose(NDA_FLOAT64, 70, 45);
    check_big_transpose(NDA_FLOAT32, 33, 64);
    check_big_transpose(NDA_INT32, 40, 40);
    check_big_transpose(NDA_UINT8, 65, 33);
}

static void test_copy_int64_exact(void **state)
{
    (void)state;
    int64_t buf[3] = {INT64_MAX, INT64_MIN, ((int64_t)1 << 53) + 1};
    const ptrdiff_t n = 3;
    nda_array *w = nda_wrap(buf, NDA_INT64, 1, &n, NULL);
    nda_array *c = nda_copy(w);
    nda_array *s = nda_astype(w, NDA_INT64);
    assert_memory_equal(nda_cdata(c), buf, sizeof buf);
    assert_memory_equal(nda_cdata(s), buf, sizeof buf);
    nda_release(s);
    nda_release(c);
    nda_release(w);
}

static void test_flatten_always_copies(void **state)
{
    (void)state;
    const ptrdiff_t shape[2] = {2, 3};
    nda_array *a = support_iota(NDA_FLOAT32, 2, shape);
    nda_array *f = nda_flatten(a);
    assert_fresh_copy(f, a);
    assert_layout(f, 1, ((const ptrdiff_t[]){6}), ((const ptrdiff_t[]){4}));
    assert_values(f, 0, 1, 2, 3, 4, 5);
    assert_int_equal(nda_set1(f, 0, 9), NDA_OK);
    assert_double_equal(nda_get2(a, 0, 0), 0);
    nda_array *t = nda_transpose(a);
    nda_array *ft = nda_flatten(t);
    assert_fresh_copy(ft, a);
    assert_values(ft, 0, 3, 1, 4, 2, 5);
    nda_array *s = nda_full(NDA_INT64, 0, NULL, -3);
    nda_array *fs = nda_flatten(s);
    assert_layout(fs, 1, ((const ptrdiff_t[]){1}), ((const ptrdiff_t[]){8}));
    assert_values(fs, -3);
    nda_array *e = nda_zeros(NDA_UINT8, 2, ((const ptrdiff_t[]){4, 0}));
    nda_array *fe = nda_flatten(e);
    assert_layout(fe, 1, ((const ptrdiff_t[]){0}), NULL);
    nda_release(fe);
    nda_release(e);
    nda_release(fs);
    nda_release(s);
    nda_release(ft);
    nda_release(t);
    nda_release(f);
    nda_release(a);
}

static nda_array *from(nda_dtype dt, ptrdiff_t n, const double *values)
{
    nda_array *a = nda_from_values(dt, 1, &n, values);
    assert_non_null(a);
    return a;
}

static void test_astype_float_to_int(void **state)
{
    (void)state;
    const double v[4] = {-2.7, 2.7, -0.5, 255.9};
    nda_array *a = from(NDA_FLOAT64, 4, v);
    nda_array *i = nda_astype(a, NDA_INT32);
    assert_fresh_copy(i, a);
    assert_int_equal(nda_dtype_of(i), NDA_INT32);
    assert_int_equal(nda_strides(i)[0], 4);
    assert_values(i, -2, 2, 0, 255);
    const int32_t raw[4] = {-2, 2, 0, 255};
    assert_memory_equal(nda_cdata(i), raw, sizeof raw);
    const double w[3] = {255.9, 256, -1};
    nda_array *b = from(NDA_FLOAT64, 3, w);
    nda_array *u = nda_astype(b, NDA_UINT8);
    assert_memory_equal(nda_cdata(u), ((const unsigned char[]){255, 0, 255}), 3);
    nda_release(u);
    nda_release(b);
    nda_release(i);
    nda_release(a);
}

static void test_astype_int_to_int_wraps(void **state)
{
    (void)state;
    int64_t buf[4] = {((int64_t)1 << 53) + 1, ((int64_t)1 << 32) + 5, -1, 300};
    const ptrdiff_t n = 4;
    nda_array *w = nda_wrap(buf, NDA_INT64, 1, &n, NULL);
    nda_array *i = nda_astype(w, NDA_INT32);
    assert_memory_equal(nda_cdata(i), ((const int32_t[]){1, 5, -1, 300}), 16);
    nda_array *u = nda_astype(w, NDA_UINT8);
    assert_memory_equal(nda_cdata(u), ((const unsigned char[]){1, 5, 255, 44}), 4);
    nda_array *back = nda_astype(i, NDA_INT64);
    assert_memory_equal(nda_cdata(back), ((const int64_t[]){1, 5, -1, 300}), 32);
    nda_release(back);
    nda_release(u);
    nda_release(i);
    nda_release(w);
}

static void test_astype_to_float(void **state)
{
    (void)state;
    const double v[3] = {0.1, -1e20, 3};
    nda_array *a = from(NDA_FLOAT64, 3, v);
    nda_array *f = nda_astype(a, NDA_FLOAT32);
    const float raw[3] = {0.1f, -1e20f, 3.0f};
    assert_memory_equal(nda_cdata(f), raw, sizeof raw);
    nda_array *b = from(NDA_UINT8, 3, (const double[]){0, 200, 255});
    nda_array *u = nda_astype(b, NDA_FLOAT64);
    assert_values(u, 0, 200, 255);
    nda_release(u);
    nda_release(b);
    nda_release(f);
    nda_release(a);
}

static void test_astype_of_view_keeps_source(void **state)
{
    (void)state;
    const ptrdiff_t shape[2] = {3, 3};
    nda_array *a = support_iota(NDA_INT64, 2, shape);
    nda_array *c = nda_col(a, 2);
    nda_array *f = nda_astype(c, NDA_FLOAT64);
    assert_fresh_copy(f, a);
    assert_values(f, 2, 5, 8);
    assert_int_equal(nda_set1(f, 0, 0.5), NDA_OK);
    assert_double_equal(nda_get2(a, 0, 2), 2);
    assert_int_equal(nda_dtype_of(c), NDA_INT64);
    nda_release(f);
    nda_release(c);
    nda_release(a);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_copy_is_independent),
        cmocka_unit_test(test_copy_of_views),
        cmocka_unit_test(test_copy_large_transposed),
        cmocka_unit_test(test_copy_int64_exact),
        cmocka_unit_test(test_flatten_always_copies),
        cmocka_unit_test(test_astype_float_to_int),
        cmocka_unit_test(test_astype_int_to_int_wraps),
        cmocka_unit_test(test_astype_to_float),
        cmocka_unit_test(test_astype_of_view_keeps_source),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
