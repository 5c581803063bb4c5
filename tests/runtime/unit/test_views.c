/* Views: nda_view, nda_slice (Python slice rules), index/row/col, transpose, diagonal,
 * broadcast_to and as_strided. Sources hold 0, 1, 2, ... so a view's values name its elements. */
#include "support.h"

static nda_array *iota1(ptrdiff_t n)
{
    return support_iota(NDA_FLOAT64, 1, &n);
}

static nda_array *iota2(ptrdiff_t rows, ptrdiff_t cols)
{
    const ptrdiff_t shape[2] = {rows, cols};
    return support_iota(NDA_FLOAT64, 2, shape);
}

static void assert_view_of(const nda_array *v, const nda_array *owner)
{
    assert_non_null(v);
    assert_ptr_not_equal(v, owner);
    assert_ptr_equal(nda_base(v), owner);
    assert_false(nda_owns_data(v));
}

static void test_view_same_layout(void **state)
{
    (void)state;
    nda_array *a = iota2(2, 3);
    nda_array *v = nda_view(a);
    assert_view_of(v, a);
    assert_ptr_equal(nda_cdata(v), nda_cdata(a));
    const ptrdiff_t shape[2] = {2, 3}, strides[2] = {24, 8};
    assert_layout(v, 2, shape, strides);
    assert_int_equal(nda_set2(v, 1, 1, -4), NDA_OK);
    assert_double_equal(nda_get2(a, 1, 1), -4);
    nda_array *vv = nda_view(v);
    assert_view_of(vv, a); /* chains collapse to the owner */
    nda_release(vv);
    nda_release(v);
    nda_release(a);
}

/* Slices arange(n) and checks the elements, the stride and the first element's offset. */
static void check_slice(ptrdiff_t n, ptrdiff_t start, ptrdiff_t stop, ptrdiff_t step,
                        ptrdiff_t count, const double *expected)
{
    nda_array *a = iota1(n);
    nda_array *s = nda_slice(a, 0, start, stop, step);
    assert_view_of(s, a);
    support_assert_values(s, count, expected, __FILE__, __LINE__);
    assert_int_equal(nda_strides(s)[0], count > 0 ? 8 * step : 8); /* NumPy: empty keeps it */
    if (count > 0)
        assert_int_equal(support_offset(s, a), 8 * (ptrdiff_t)expected[0]);
    nda_release(s);
    nda_release(a);
}

#define CHECK_SLICE(n, start, stop, step, ...)                                                     \
    do {                                                                                           \
        const double e_[] = {__VA_ARGS__};                                                         \
        check_slice(n, start, stop, step, (ptrdiff_t)(sizeof e_ / sizeof e_[0]), e_);              \
    } while (0)
#define CHECK_EMPTY_SLICE(n, start, stop, step) check_slice(n, start, stop, step, 0, NULL)

static void test_slice_positive(void **state)
{
    (void)state;
    CHECK_SLICE(10, 0, 3, 1, 0, 1, 2);
    CHECK_SLICE(10, 2, 9, 3, 2, 5, 8);
    CHECK_SLICE(10, 1, NDA_END, 4, 1, 5, 9);
    CHECK_SLICE(6, 0, NDA_END, 1, 0, 1, 2, 3, 4, 5);
}

static void test_slice_negative_bounds(void **state)
{
    (void)state;
    CHECK_SLICE(10, -3, NDA_END, 1, 7, 8, 9);
    CHECK_SLICE(10, 2, -2, 3, 2, 5);
    CHECK_SLICE(10, -9, -7, 1, 1, 2);
    CHECK_SLICE(10, -1, 10, 1, 9);
}

static void test_slice_clipping(void **state)
{
    (void)state;
    CHECK_SLICE(5, -100, 100, 1, 0, 1, 2, 3, 4);
    CHECK_SLICE(5, PTRDIFF_MIN, PTRDIFF_MAX - 1, 2, 0, 2, 4);
    CHECK_SLICE(5, 3, 1000, 1, 3, 4);
    CHECK_EMPTY_SLICE(5, 100, NDA_END, 1);
    CHECK_EMPTY_SLICE(5, NDA_END, NDA_END, 1);
    CHECK_EMPTY_SLICE(5, -100, -50, 1);
    CHECK_EMPTY_SLICE(5, 4, 2, 1);
    CHECK_EMPTY_SLICE(5, 3, 3, 1);
}

static void test_slice_negative_steps(void **state)
{
    (void)state;
    CHECK_SLICE(5, 4, NDA_END, -1, 4, 3, 2, 1, 0);
    CHECK_SLICE(5, -2, NDA_END, -1, 3, 2, 1, 0);
    CHECK_SLICE(5, NDA_END, NDA_END, -2, 4, 2, 0);
    CHECK_SLICE(5, 100, -100, -1, 4, 3, 2, 1, 0);
    CHECK_SLICE(10, 8, 2, -3, 8, 5);
    CHECK_SLICE(10, -3, -8, -2, 7, 5, 3);
    CHECK_SLICE(10, 100, -100, -4, 9, 5, 1);
    CHECK_SLICE(10, 3, 0, -1, 3, 2, 1);
    CHECK_EMPTY_SLICE(10, 3, -1, -1); /* stop -1 is the last element, not "before the start" */
    CHECK_EMPTY_SLICE(10, 2, 5, -1);
    CHECK_EMPTY_SLICE(10, -100, NDA_END, -1);
}

static void test_slice_step_zero(void **state)
{
    (void)state;
    nda_array *a = iota1(4);
    support_capture_begin();
    assert_null(nda_slice(a, 0, 0, 4, 0));
    assert_failure(NDA_EINVAL, "nda_slice");
    assert_null(nda_slice(a, 1, 0, 4, 1));
    assert_failure(NDA_EINVAL, "nda_slice");
    assert_null(nda_slice(a, -1, 0, 4, 1));
    assert_failure(NDA_EINVAL, "nda_slice");
    support_capture_end();
    nda_release(a);
}

static void test_slice_2d_axis1_reversed(void **state)
{
    (void)state;
    nda_array *a = iota2(3, 4);
    nda_array *s = nda_slice(a, 1, 3, NDA_END, -2);
    assert_view_of(s, a);
    const ptrdiff_t shape[2] = {3, 2}, strides[2] = {32, -16};
    assert_layout(s, 2, shape, strides);
    assert_int_equal(support_offset(s, a), 24);
    assert_values(s, 3, 1, 7, 5, 11, 9);
    assert_false(nda_is_c_contiguous(s));
    nda_release(s);
    nda_release(a);
}

static void test_slice_of_slice(void **state)
{
    (void)state;
    nda_array *a = iota1(10);
    nda_array *s = nda_slice(a, 0, 1, 9, 2);
    nda_array *r = nda_slice(s, 0, -1, NDA_END, -1);
    assert_view_of(r, a);
    assert_values(s, 1, 3, 5, 7);
    assert_values(r, 7, 5, 3, 1);
    assert_int_equal(nda_strides(r)[0], -16);
    assert_int_equal(nda_set1(r, 0, 70), NDA_OK);
    assert_double_equal(nda_get1(a, 7), 70);
    assert_double_equal(nda_get1(s, 3), 70);
    nda_release(s);
    nda_release(r);
    nda_release(a);
}

static void test_index(void **state)
{
    (void)state;
    const ptrdiff_t shape3[3] = {2, 3, 4};
    nda_array *a = support_iota(NDA_FLOAT64, 3, shape3);
    nda_array *m = nda_index(a, 1, -1);
    assert_view_of(m, a);
    const ptrdiff_t shape[2] = {2, 4}, strides[2] = {96, 8};
    assert_layout(m, 2, shape, strides);
    assert_values(m, 8, 9, 10, 11, 20, 21, 22, 23);
    nda_array *f = nda_index(a, 0, 1);
    assert_int_equal(support_offset(f, a), 96);
    assert_double_equal(nda_get2(f, 2, 3), 23);
    nda_array *e = nda_index(a, 2, 2);
    const ptrdiff_t eshape[2] = {2, 3}, estrides[2] = {96, 32};
    assert_layout(e, 2, eshape, estrides);
    assert_values(e, 2, 6, 10, 14, 18, 22);
    nda_array *s = nda_index(e, 1, 0); /* an index of a view stays a view of the owner */
    assert_view_of(s, a);
    assert_values(s, 2, 14);
    nda_array *z = nda_index(s, 0, -1); /* to 0-D */
    assert_int_equal(nda_ndim(z), 0);
    assert_double_equal(nda_get(z, NULL), 14);
    support_capture_begin();
    assert_null(nda_index(a, 1, 3));
    assert_failure(NDA_EBOUNDS, "nda_index");
    assert_null(nda_index(a, 1, -4));
    assert_failure(NDA_EBOUNDS, "nda_index");
    assert_null(nda_index(a, 3, 0));
    assert_failure(NDA_EINVAL, "nda_index");
    assert_null(nda_index(z, 0, 0));
    assert_failure(NDA_EINVAL, "nda_index");
    support_capture_end();
    nda_release(z);
    nda_release(s);
    nda_release(e);
    nda_release(f);
    nda_release(m);
    nda_release(a);
}

static void test_row_col(void **state)
{
    (void)state;
    nda_array *a = iota2(3, 4);
    nda_array *r = nda_row(a, -1);
    nda_array *c = nda_col(a, 1);
    nda_array *c0 = nda_col(a, -4);
    assert_view_of(r, a);
    assert_view_of(c, a);
    assert_values(r, 8, 9, 10, 11);
    assert_values(c, 1, 5, 9);
    assert_values(c0, 0, 4, 8);
    assert_int_equal(nda_strides(r)[0], 8);
    assert_int_equal(nda_strides(c)[0], 32);
    assert_int_equal(support_offset(r, a), 64);
    assert_int_equal(support_offset(c, a), 8);
    assert_int_equal(nda_set1(c, 2, -1), NDA_OK);
    assert_double_equal(nda_get2(a, 2, 1), -1);
    assert_double_equal(nda_get1(r, 1), -1);
    support_capture_begin();
    assert_null(nda_row(a, 3));
    assert_failure(NDA_EBOUNDS, "nda_row");
    assert_null(nda_col(a, -5));
    assert_failure(NDA_EBOUNDS, "nda_col");
    assert_null(nda_row(r, 0));
    assert_failure(NDA_EINVAL, "nda_row");
    assert_null(nda_col(r, 0));
    assert_failure(NDA_EINVAL, "nda_col");
    support_capture_end();
    nda_release(c0);
    nda_release(c);
    nda_release(r);
    nda_release(a);
}

static void test_transpose(void **state)
{
    (void)state;
    nda_array *a = iota2(2, 3);
    nda_array *t = nda_transpose(a);
    assert_view_of(t, a);
    assert_ptr_equal(nda_cdata(t), nda_cdata(a));
    const ptrdiff_t shape[2] = {3, 2}, strides[2] = {8, 24};
    assert_layout(t, 2, shape, strides);
    assert_values(t, 0, 3, 1, 4, 2, 5);
    assert_false(nda_is_c_contiguous(t));
    nda_array *tt = nda_transpose(t);
    assert_view_of(tt, a);
    assert_true(nda_is_c_contiguous(tt));
    assert_values(tt, 0, 1, 2, 3, 4, 5);

    const ptrdiff_t shape3[3] = {2, 3, 4};
    nda_array *b = support_iota(NDA_INT32, 3, shape3);
    nda_array *bt = nda_transpose(b);
    const ptrdiff_t tshape[3] = {4, 3, 2}, tstrides[3] = {4, 16, 48};
    assert_layout(bt, 3, tshape, tstrides);
    assert_double_equal(nda_get(bt, (const ptrdiff_t[]){3, 1, 1}), 12 + 4 + 3);
    nda_release(bt);
    nda_release(b);
    nda_release(tt);
    nda_release(t);
    nda_release(a);
}

static void test_diagonal(void **state)
{
    (void)state;
    nda_array *a = iota2(3, 4);
    nda_array *d = nda_diagonal(a);
    assert_view_of(d, a);
    assert_false(nda_is_writeable(d));
    assert_values(d, 0, 5, 10);
    assert_int_equal(nda_strides(d)[0], 40);
    nda_array *t = nda_transpose(a);
    nda_array *dt = nda_diagonal(t);
    assert_values(dt, 0, 5, 10);
    nda_array *r = nda_slice(a, 0, NDA_END, NDA_END, -1);
    nda_array *dr = nda_diagonal(r);
    assert_values(dr, 8, 5, 2);
    assert_int_equal(nda_strides(dr)[0], -24);
    assert_int_equal(nda_set2(a, 1, 1, 55), NDA_OK); /* the diagonal sees writes to its base */
    assert_double_equal(nda_get1(d, 1), 55);
    support_capture_begin();
    assert_null(nda_diagonal(d));
    assert_failure(NDA_EINVAL, "nda_diagonal");
    support_capture_end();
    nda_release(dr);
    nda_release(r);
    nda_release(dt);
    nda_release(t);
    nda_release(d);
    nda_release(a);
}

static void test_broadcast_to(void **state)
{
    (void)state;
    nda_array *a = iota1(3);
    const ptrdiff_t shape[2] = {2, 3}, strides[2] = {0, 8};
    nda_array *b = nda_broadcast_to(a, 2, shape);
    assert_view_of(b, a);
    assert_false(nda_is_writeable(b));
    assert_layout(b, 2, shape, strides);
    assert_values(b, 0, 1, 2, 0, 1, 2);
    assert_int_equal(nda_set1(a, 1, 7), NDA_OK);
    assert_values(b, 0, 7, 2, 0, 7, 2);

    const ptrdiff_t cshape[2] = {3, 1};
    nda_array *c = support_iota(NDA_INT32, 2, cshape);
    const ptrdiff_t to3[3] = {2, 3, 4}, s3[3] = {0, 4, 0};
    nda_array *bc = nda_broadcast_to(c, 3, to3);
    assert_layout(bc, 3, to3, s3);
    assert_double_equal(nda_sum(bc), 8 * (0 + 1 + 2));
    const ptrdiff_t bad[2] = {3, 4};
    support_capture_begin();
    assert_null(nda_broadcast_to(a, 2, bad));
    assert_failure(NDA_ESHAPE, "nda_broadcast_to");
    assert_null(nda_broadcast_to(c, 1, bad));
    assert_failure(NDA_ESHAPE, "nda_broadcast_to");
    support_capture_end();
    nda_release(bc);
    nda_release(c);
    nda_release(b);
    nda_release(a);
}

static void test_as_strided_sliding_window(void **state)
{
    (void)state;
    nda_array *a = iota1(6);
    const ptrdiff_t shape[2] = {4, 3}, strides[2] = {8, 8};
    nda_array *w = nda_as_strided(a, 2, shape, strides);
    assert_view_of(w, a);
    assert_true(nda_is_writeable(w));
    assert_layout(w, 2, shape, strides);
    assert_values(w, 0, 1, 2, 1, 2, 3, 2, 3, 4, 3, 4, 5);
    assert_int_equal(nda_set2(w, 1, 1, 20), NDA_OK); /* the same element as w[0, 2] and a[2] */
    assert_double_equal(nda_get2(w, 0, 2), 20);
    assert_double_equal(nda_get1(a, 2), 20);
    const ptrdiff_t too_long[2] = {5, 3};
    support_capture_begin();
    assert_null(nda_as_strided(a, 2, too_long, strides));
    assert_failure(NDA_EBOUNDS, "nda_as_strided");
    support_capture_end();
    nda_release(w);
    nda_release(a);
}

static void test_as_strided_from_view(void **state)
{
    (void)state;
    nda_array *a = iota1(6);
    nda_array *v = nda_slice(a, 0, 2, NDA_END, 1);
    const ptrdiff_t back[1] = {3}, neg[1] = {-8}, zero[1] = {0}, far[1] = {4};
    nda_array *r = nda_as_strided(v, 1, back, neg); /* reaches before v, inside a */
    assert_view_of(r, a);
    assert_values(r, 2, 1, 0);
    nda_array *z = nda_as_strided(v, 1, back, zero);
    assert_values(z, 2, 2, 2);
    const ptrdiff_t empty[1] = {0}, huge[1] = {1 << 20};
    nda_array *e = nda_as_strided(v, 1, empty, huge);
    assert_non_null(e);
    assert_int_equal(nda_size(e), 0);
    nda_array *tail = nda_as_strided(v, 1, far, (const ptrdiff_t[]){8});
    assert_values(tail, 2, 3, 4, 5);
    support_capture_begin();
    assert_null(nda_as_strided(v, 1, far, neg));
    assert_failure(NDA_EBOUNDS, "nda_as_strided");
    assert_null(nda_as_strided(v, 1, (const ptrdiff_t[]){5}, (const ptrdiff_t[]){8}));
    assert_failure(NDA_EBOUNDS, "nda_as_strided");
    support_capture_end();
    nda_array *scalar = nda_as_strided(v, 0, NULL, NULL);
    assert_int_equal(nda_ndim(scalar), 0);
    assert_double_equal(nda_get(scalar, NULL), 2);
    nda_release(scalar);
    nda_release(tail);
    nda_release(e);
    nda_release(z);
    nda_release(r);
    nda_release(v);
    nda_release(a);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_view_same_layout),
        cmocka_unit_test(test_slice_positive),
        cmocka_unit_test(test_slice_negative_bounds),
        cmocka_unit_test(test_slice_clipping),
        cmocka_unit_test(test_slice_negative_steps),
        cmocka_unit_test(test_slice_step_zero),
        cmocka_unit_test(test_slice_2d_axis1_reversed),
        cmocka_unit_test(test_slice_of_slice),
        cmocka_unit_test(test_index),
        cmocka_unit_test(test_row_col),
        cmocka_unit_test(test_transpose),
        cmocka_unit_test(test_diagonal),
        cmocka_unit_test(test_broadcast_to),
        cmocka_unit_test(test_as_strided_sliding_window),
        cmocka_unit_test(test_as_strided_from_view),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
