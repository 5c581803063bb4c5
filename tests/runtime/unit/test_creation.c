/* Creation: fresh, C-contiguous, writeable arrays that own their memory (or wrap caller memory). */
#include "support.h"

#include <string.h>

static const nda_dtype all_dtypes[] = {NDA_FLOAT64, NDA_FLOAT32, NDA_INT64, NDA_INT32, NDA_UINT8};
static const size_t all_itemsizes[] = {8, 4, 8, 4, 1};

static void assert_fresh(const nda_array *a)
{
    assert_non_null(a);
    assert_null(nda_base(a));
    assert_true(nda_owns_data(a));
    assert_true(nda_is_writeable(a));
    assert_true(nda_is_c_contiguous(a));
}

static void test_itemsizes(void **state)
{
    (void)state;
    for (size_t k = 0; k < 5; k++)
        assert_int_equal(nda_itemsize(all_dtypes[k]), all_itemsizes[k]);
}

static void test_empty_layout_every_dtype(void **state)
{
    (void)state;
    const ptrdiff_t shape[3] = {2, 3, 4};
    for (size_t k = 0; k < 5; k++) {
        ptrdiff_t item = (ptrdiff_t)all_itemsizes[k];
        const ptrdiff_t strides[3] = {12 * item, 4 * item, item};
        nda_array *a = nda_empty(all_dtypes[k], 3, shape);
        assert_fresh(a);
        assert_int_equal(nda_dtype_of(a), all_dtypes[k]);
        assert_int_equal(nda_size(a), 24);
        assert_layout(a, 3, shape, strides);
        nda_release(a);
    }
}

static void test_zeros_every_dtype(void **state)
{
    (void)state;
    const ptrdiff_t shape[2] = {3, 5};
    for (size_t k = 0; k < 5; k++) {
        nda_array *a = nda_zeros(all_dtypes[k], 2, shape);
        assert_fresh(a);
        const unsigned char *bytes = nda_cdata(a);
        for (size_t i = 0; i < 15 * all_itemsizes[k]; i++)
            assert_int_equal(bytes[i], 0);
        assert_values(a, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0);
        nda_release(a);
    }
}

static void test_zero_dimensional(void **state)
{
    (void)state;
    nda_array *a = nda_full(NDA_FLOAT64, 0, NULL, 4.5);
    assert_fresh(a);
    assert_int_equal(nda_ndim(a), 0);
    assert_int_equal(nda_size(a), 1);
    assert_double_equal(nda_get(a, NULL), 4.5);
    nda_release(a);
}

static void test_zero_length_axis(void **state)
{
    (void)state;
    const ptrdiff_t shape[3] = {2, 0, 3};
    nda_array *a = nda_zeros(NDA_INT32, 3, shape);
    assert_fresh(a);
    assert_int_equal(nda_size(a), 0);
    assert_int_equal(nda_shape(a)[1], 0);
    nda_release(a);
}

static void test_max_dims(void **state)
{
    (void)state;
    const ptrdiff_t shape[NDA_MAXDIMS] = {1, 2, 1, 2, 1, 2, 1, 2};
    nda_array *a = nda_full(NDA_UINT8, NDA_MAXDIMS, shape, 9);
    assert_fresh(a);
    assert_int_equal(nda_size(a), 16);
    assert_int_equal(nda_strides(a)[0], 16); /* length-1 axes do not multiply */
    assert_int_equal(nda_strides(a)[1], 8);
    assert_int_equal(nda_strides(a)[6], 2);
    assert_int_equal(nda_strides(a)[7], 1);
    assert_double_equal(nda_sum(a), 16 * 9);
    nda_release(a);
}

static void test_full_converts(void **state)
{
    (void)state;
    const ptrdiff_t n = 3;
    nda_array *f = nda_full(NDA_FLOAT64, 1, &n, 2.5);
    nda_array *i = nda_full(NDA_INT32, 1, &n, -7.9);
    nda_array *u = nda_full(NDA_UINT8, 1, &n, 300);
    nda_array *s = nda_full(NDA_FLOAT32, 1, &n, 0.1);
    assert_values(f, 2.5, 2.5, 2.5);
    assert_values(i, -7, -7, -7); /* truncation toward zero */
    assert_values(u, 44, 44, 44); /* 300 mod 256 */
    assert_values(s, (double)0.1f, (double)0.1f, (double)0.1f);
    nda_release(f);
    nda_release(i);
    nda_release(u);
    nda_release(s);
}

static void test_arange(void **state)
{
    (void)state;
    nda_array *a = nda_arange(7);
    assert_fresh(a);
    assert_int_equal(nda_dtype_of(a), NDA_INT64);
    assert_int_equal(nda_ndim(a), 1);
    assert_int_equal(nda_strides(a)[0], 8);
    assert_values(a, 0, 1, 2, 3, 4, 5, 6);
    const int64_t *raw = nda_cdata(a);
    for (int64_t k = 0; k < 7; k++)
        assert_int_equal(raw[k], k);
    nda_release(a);

    nda_array *e = nda_arange(0);
    assert_fresh(e);
    assert_int_equal(nda_size(e), 0);
    nda_release(e);
}

static void test_from_values_copies_in(void **state)
{
    (void)state;
    double values[6] = {1, -2, 3.5, 4, 5, 6};
    const ptrdiff_t shape[2] = {2, 3};
    nda_array *a = nda_from_values(NDA_FLOAT64, 2, shape, values);
    assert_fresh(a);
    assert_ptr_not_equal(nda_cdata(a), values);
    values[0] = 99;
    assert_values(a, 1, -2, 3.5, 4, 5, 6);
    assert_double_equal(nda_get2(a, 1, 2), 6);
    nda_release(a);

    nda_array *i = nda_from_values(NDA_INT64, 2, shape, values);
    assert_values(i, 99, -2, 3, 4, 5, 6);
    nda_release(i);
}

static void test_wrap_shares_caller_memory(void **state)
{
    (void)state;
    double buf[6] = {0, 1, 2, 3, 4, 5};
    const ptrdiff_t shape[2] = {2, 3};
    nda_array *a = nda_wrap(buf, NDA_FLOAT64, 2, shape, NULL);
    assert_non_null(a);
    assert_null(nda_base(a));
    assert_false(nda_owns_data(a));
    assert_true(nda_is_writeable(a));
    assert_true(nda_is_c_contiguous(a));
    assert_ptr_equal(nda_cdata(a), buf);
    const ptrdiff_t strides[2] = {24, 8};
    assert_layout(a, 2, shape, strides);
    assert_int_equal(nda_set2(a, 1, 0, 30), NDA_OK);
    assert_double_equal(buf[3], 30);
    buf[5] = 50;
    assert_double_equal(nda_get2(a, 1, 2), 50);
    nda_release(a);
    assert_double_equal(buf[3], 30); /* release does not touch caller memory */
}

static void test_wrap_custom_strides(void **state)
{
    (void)state;
    int32_t buf[6] = {0, 1, 2, 3, 4, 5};
    const ptrdiff_t shape[2] = {3, 2};
    const ptrdiff_t strides[2] = {4, 12}; /* column-major view of a 2x3 buffer */
    nda_array *a = nda_wrap(buf, NDA_INT32, 2, shape, strides);
    assert_non_null(a);
    assert_layout(a, 2, shape, strides);
    assert_false(nda_is_c_contiguous(a));
    assert_values(a, 0, 3, 1, 4, 2, 5);

    const ptrdiff_t rshape[1] = {3};
    const ptrdiff_t rstrides[1] = {-4};
    nda_array *r = nda_wrap(buf + 2, NDA_INT32, 1, rshape, rstrides);
    assert_non_null(r);
    assert_values(r, 2, 1, 0);
    nda_release(r);
    nda_release(a);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_itemsizes),
        cmocka_unit_test(test_empty_layout_every_dtype),
        cmocka_unit_test(test_zeros_every_dtype),
        cmocka_unit_test(test_zero_dimensional),
        cmocka_unit_test(test_zero_length_axis),
        cmocka_unit_test(test_max_dims),
        cmocka_unit_test(test_full_converts),
        cmocka_unit_test(test_arange),
        cmocka_unit_test(test_from_values_copies_in),
        cmocka_unit_test(test_wrap_shares_caller_memory),
        cmocka_unit_test(test_wrap_custom_strides),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
