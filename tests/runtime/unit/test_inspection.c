/* Inspection: metadata getters, data pointers, base/ownership and NumPy's C-contiguity flag. */
#include "support.h"

static void test_metadata(void **state)
{
    (void)state;
    const ptrdiff_t shape[3] = {2, 3, 5};
    nda_array *a = nda_zeros(NDA_INT32, 3, shape);
    assert_int_equal(nda_ndim(a), 3);
    assert_int_equal(nda_size(a), 30);
    assert_int_equal(nda_dtype_of(a), NDA_INT32);
    assert_layout(a, 3, shape, ((const ptrdiff_t[]){60, 20, 4}));
    nda_array *s = nda_index(a, 2, 4);
    assert_int_equal(nda_ndim(s), 2);
    assert_int_equal(nda_size(s), 6);
    assert_int_equal(nda_dtype_of(s), NDA_INT32);
    assert_layout(s, 2, ((const ptrdiff_t[]){2, 3}), ((const ptrdiff_t[]){60, 20}));
    nda_release(s);
    nda_release(a);
}

static void test_data_pointers(void **state)
{
    (void)state;
    const ptrdiff_t shape[2] = {3, 4};
    nda_array *a = support_iota(NDA_FLOAT64, 2, shape);
    double *p = nda_data(a);
    assert_ptr_equal(p, nda_cdata(a));
    assert_double_equal(p[6], 6);
    p[6] = -6; /* writes through the pointer write the array */
    assert_double_equal(nda_get2(a, 1, 2), -6);
    nda_array *c = nda_col(a, 2);
    double *q = nda_data(c);
    assert_ptr_equal(q, p + 2);
    assert_double_equal(q[4], -6); /* element 1 of the column, 32 bytes on */
    nda_array *r = nda_slice(a, 0, NDA_END, NDA_END, -1);
    assert_ptr_equal(nda_cdata(r), p + 8);
    nda_release(r);
    nda_release(c);
    nda_release(a);
}

static void test_base_and_ownership(void **state)
{
    (void)state;
    double buf[2] = {0, 0};
    const ptrdiff_t two = 2;
    nda_array *a = nda_arange(4);
    nda_array *v = nda_view(a);
    nda_array *c = nda_copy(v);
    nda_array *w = nda_wrap(buf, NDA_FLOAT64, 1, &two, NULL);
    nda_array *wv = nda_view(w);
    assert_null(nda_base(a));
    assert_true(nda_owns_data(a));
    assert_ptr_equal(nda_base(v), a);
    assert_false(nda_owns_data(v));
    assert_null(nda_base(c));
    assert_true(nda_owns_data(c));
    assert_null(nda_base(w));
    assert_false(nda_owns_data(w));
    assert_ptr_equal(nda_base(wv), w);
    assert_false(nda_owns_data(wv));
    nda_release(wv);
    nda_release(w);
    nda_release(c);
    nda_release(v);
    nda_release(a);
}

static bool contiguous_after(nda_array *a, nda_array *v)
{
    bool result = nda_is_c_contiguous(v);
    assert_ptr_equal(nda_base(v), a);
    nda_release(v);
    return result;
}

static void test_c_contiguity_like_numpy(void **state)
{
    (void)state;
    const ptrdiff_t shape[2] = {3, 4};
    nda_array *a = support_iota(NDA_FLOAT64, 2, shape);
    assert_true(nda_is_c_contiguous(a));
    assert_false(contiguous_after(a, nda_slice(a, 1, 0, 1, 1)));  /* a[:, :1] */
    assert_true(contiguous_after(a, nda_slice(a, 0, 0, 1, 1)));   /* a[:1, :] */
    assert_true(contiguous_after(a, nda_slice(a, 0, 2, 1, -1)));  /* a[2:1:-1] */
    assert_false(contiguous_after(a, nda_slice(a, 0, 2, 0, -1))); /* a[2:0:-1] */
    assert_false(contiguous_after(a, nda_slice(a, 0, 0, NDA_END, 2)));
    assert_true(contiguous_after(a, nda_slice(a, 0, 0, 0, 1))); /* empty */
    assert_false(contiguous_after(a, nda_transpose(a)));
    assert_true(contiguous_after(a, nda_row(a, 1)));
    assert_false(contiguous_after(a, nda_col(a, 1)));
    nda_array *row = nda_row(a, 1);
    assert_true(contiguous_after(a, nda_index(row, 0, 1))); /* 0-D */
    nda_release(row);
    assert_false(contiguous_after(a, nda_broadcast_to(a, 3, ((const ptrdiff_t[]){2, 3, 4}))));
    assert_true(contiguous_after(
        a, nda_as_strided(a, 2, ((const ptrdiff_t[]){1, 1}), ((const ptrdiff_t[]){-5, 77}))));
    assert_true(contiguous_after(
        a, nda_as_strided(a, 2, ((const ptrdiff_t[]){2, 3}), ((const ptrdiff_t[]){24, 8}))));
    nda_release(a);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_metadata),
        cmocka_unit_test(test_data_pointers),
        cmocka_unit_test(test_base_and_ownership),
        cmocka_unit_test(test_c_contiguity_like_numpy),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
