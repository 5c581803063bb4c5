/* Maybe-views: nda_reshape / nda_ravel return a view exactly when NumPy 1.24 does (expected
 * strides below were read off NumPy), otherwise a fresh copy; nda_ascontiguous returns its
 * argument itself, retained, when it is C-contiguous. */
#include "support.h"

static nda_array *iota(int ndim, const ptrdiff_t *shape)
{
    return support_iota(NDA_FLOAT64, ndim, shape);
}

static void assert_is_view(const nda_array *r, const nda_array *owner, int ndim,
                           const ptrdiff_t *shape, const ptrdiff_t *strides)
{
    assert_non_null(r);
    assert_ptr_not_equal(r, owner);
    assert_ptr_equal(nda_base(r), owner);
    assert_layout(r, ndim, shape, strides);
}

static void assert_is_copy(const nda_array *r, const nda_array *source, int ndim,
                           const ptrdiff_t *shape)
{
    assert_non_null(r);
    assert_null(nda_base(r));
    assert_true(nda_owns_data(r));
    assert_true(nda_is_writeable(r));
    assert_true(nda_is_c_contiguous(r));
    assert_false(nda_may_share_memory(r, source));
    assert_layout(r, ndim, shape, NULL);
}

/* Reshapes src to shape and checks that the result is a view with these strides. */
static void expect_view(const nda_array *src, const nda_array *owner, int ndim,
                        const ptrdiff_t *shape, const ptrdiff_t *strides)
{
    nda_array *r = nda_reshape(src, ndim, shape);
    assert_is_view(r, owner, ndim, shape, strides);
    nda_release(r);
}

static void expect_copy(const nda_array *src, int ndim, const ptrdiff_t *shape)
{
    nda_array *r = nda_reshape(src, ndim, shape);
    assert_is_copy(r, src, ndim, shape);
    nda_release(r);
}

#define DIMS(...)                                                                                  \
    (int)(sizeof((const ptrdiff_t[]){__VA_ARGS__}) / sizeof(ptrdiff_t)), (const ptrdiff_t[])       \
    {                                                                                              \
        __VA_ARGS__                                                                                \
    }
#define STRIDES(...)                                                                               \
    (const ptrdiff_t[])                                                                            \
    {                                                                                              \
        __VA_ARGS__                                                                                \
    }

static void test_reshape_contiguous_is_view(void **state)
{
    (void)state;
    nda_array *a = iota(DIMS(12));
    nda_array *r = nda_reshape(a, DIMS(3, 4));
    assert_is_view(r, a, DIMS(3, 4), STRIDES(32, 8));
    assert_ptr_equal(nda_cdata(r), nda_cdata(a));
    assert_int_equal(nda_set2(r, 2, 1, -9), NDA_OK);
    assert_double_equal(nda_get1(a, 9), -9);
    nda_array *rr = nda_reshape(r, DIMS(2, 3, 2));
    assert_is_view(rr, a, DIMS(2, 3, 2), STRIDES(48, 16, 8));
    nda_release(rr);
    nda_release(r);
    nda_release(a);
}

static void test_reshape_minus_one(void **state)
{
    (void)state;
    nda_array *a = iota(DIMS(12));
    nda_array *r = nda_reshape(a, DIMS(3, -1));
    assert_is_view(r, a, DIMS(3, 4), STRIDES(32, 8));
    nda_release(r);
    r = nda_reshape(a, DIMS(-1, 6));
    assert_is_view(r, a, DIMS(2, 6), STRIDES(48, 8));
    nda_release(r);
    r = nda_reshape(a, DIMS(2, -1, 3));
    assert_is_view(r, a, DIMS(2, 2, 3), STRIDES(48, 24, 8));
    nda_release(r);
    nda_array *t = nda_transpose(r = nda_reshape(a, DIMS(3, 4)));
    nda_array *c = nda_reshape(t, DIMS(-1));
    assert_is_copy(c, a, DIMS(12));
    assert_values(c, 0, 4, 8, 1, 5, 9, 2, 6, 10, 3, 7, 11);
    nda_release(c);
    nda_release(t);
    nda_release(r);
    nda_release(a);
}

static void test_reshape_same_shape_is_view(void **state)
{
    (void)state;
    nda_array *a = iota(DIMS(3, 4));
    nda_array *t = nda_transpose(a);
    expect_view(t, a, DIMS(4, 3), STRIDES(8, 32));
    nda_release(t);
    nda_release(a);
}

static void test_reshape_transposed_copies(void **state)
{
    (void)state;
    nda_array *a = iota(DIMS(3, 4));
    nda_array *t = nda_transpose(a);
    nda_array *c = nda_reshape(t, DIMS(12));
    assert_is_copy(c, a, DIMS(12));
    assert_values(c, 0, 4, 8, 1, 5, 9, 2, 6, 10, 3, 7, 11);
    assert_int_equal(nda_set1(c, 0, 100), NDA_OK);
    assert_double_equal(nda_get2(a, 0, 0), 0);
    expect_copy(t, DIMS(2, 6));
    nda_release(c);
    nda_release(t);
    nda_release(a);
}

static void test_reshape_sliced_columns(void **state)
{
    (void)state;
    nda_array *a = iota(DIMS(4, 6));
    nda_array *b = nda_slice(a, 1, 0, 3, 1); /* shape (4, 3), strides (48, 8) */
    expect_view(b, a, DIMS(2, 2, 3), STRIDES(96, 48, 8));
    expect_view(b, a, DIMS(4, 3, 1), STRIDES(48, 8, 8));
    expect_view(b, a, DIMS(4, 1, 3), STRIDES(48, 24, 8));
    nda_array *c = nda_reshape(b, DIMS(-1));
    assert_is_copy(c, a, DIMS(12));
    assert_values(c, 0, 1, 2, 6, 7, 8, 12, 13, 14, 18, 19, 20);
    nda_release(c);
    nda_release(b);
    nda_release(a);
}

static void test_reshape_strided_columns(void **state)
{
    (void)state;
    nda_array *a = iota(DIMS(3, 4));
    nda_array *b = nda_slice(a, 1, 0, NDA_END, 2); /* shape (3, 2), strides (32, 16) */
    expect_view(b, a, DIMS(6), STRIDES(16));
    expect_view(b, a, DIMS(3, 2, 1), STRIDES(32, 16, 16));
    expect_view(b, a, DIMS(1, 3, 2), STRIDES(96, 32, 16));
    expect_view(b, a, DIMS(3, 1, 2), STRIDES(32, 32, 16));
    expect_view(b, a, DIMS(1, 6), STRIDES(96, 16));
    nda_array *r = nda_reshape(b, DIMS(2, 3));
    assert_values(r, 0, 2, 4, 6, 8, 10);
    nda_release(r);
    nda_release(b);
    nda_release(a);
}

static void test_reshape_3d(void **state)
{
    (void)state;
    nda_array *a = iota(DIMS(2, 3, 4));
    nda_array *c = nda_slice(a, 2, 0, NDA_END, 2); /* (2, 3, 2), strides (96, 32, 16) */
    expect_view(c, a, DIMS(6, 2), STRIDES(32, 16));
    expect_view(c, a, DIMS(2, 6), STRIDES(96, 16));
    expect_view(c, a, DIMS(12), STRIDES(16)); /* every axis steps by 16 bytes */
    expect_view(c, a, DIMS(3, 4), STRIDES(64, 16));
    nda_array *d = nda_slice(a, 1, 0, NDA_END, 2); /* (2, 2, 4), strides (96, 64, 8) */
    expect_copy(d, DIMS(2, 8));
    expect_copy(d, DIMS(4, 4));
    expect_view(d, a, DIMS(2, 2, 2, 2), STRIDES(96, 64, 16, 8));
    nda_array *r = nda_reshape(d, DIMS(4, 4));
    assert_values(r, 0, 1, 2, 3, 8, 9, 10, 11, 12, 13, 14, 15, 20, 21, 22, 23);
    nda_release(r);
    nda_release(d);
    nda_release(c);
    nda_release(a);
}

static void test_reshape_reversed(void **state)
{
    (void)state;
    nda_array *a = iota(DIMS(3, 4));
    nda_array *e = nda_slice(a, 0, NDA_END, NDA_END, -1);
    expect_view(e, a, DIMS(3, 2, 2), STRIDES(-32, 16, 8));
    expect_copy(e, DIMS(12));
    nda_array *y = nda_slice(a, 0, 0, NDA_END, 2);
    nda_array *yr = nda_slice(y, 1, NDA_END, NDA_END, -1); /* (2, 4), strides (64, -8) */
    expect_view(yr, a, DIMS(2, 2, 2), STRIDES(64, -16, -8));
    expect_copy(yr, DIMS(8));
    nda_release(yr);
    nda_release(y);
    nda_release(e);
    nda_release(a);
}

static void test_reshape_broadcast(void **state)
{
    (void)state;
    nda_array *a = iota(DIMS(3));
    nda_array *b = nda_broadcast_to(a, DIMS(4, 3));
    nda_array *v = nda_reshape(b, DIMS(2, 2, 3));
    assert_is_view(v, a, DIMS(2, 2, 3), STRIDES(0, 0, 8));
    assert_false(nda_is_writeable(v));
    nda_array *c = nda_reshape(b, DIMS(12));
    assert_is_copy(c, a, DIMS(12));
    assert_values(c, 0, 1, 2, 0, 1, 2, 0, 1, 2, 0, 1, 2);
    nda_release(c);
    nda_release(v);
    nda_release(b);
    nda_release(a);
}

static void test_reshape_zero_d_and_empty(void **state)
{
    (void)state;
    nda_array *s = nda_full(NDA_INT32, 0, NULL, 5);
    expect_view(s, s, DIMS(1, 1), STRIDES(4, 4));
    nda_array *r = nda_ravel(s);
    assert_is_view(r, s, DIMS(1), STRIDES(4));
    assert_values(r, 5);
    nda_array *z = nda_zeros(NDA_FLOAT64, DIMS(0, 3));
    nda_array *zr = nda_reshape(z, DIMS(3, 0));
    assert_is_view(zr, z, DIMS(3, 0), NULL);
    nda_array *zf = nda_reshape(z, DIMS(-1));
    assert_is_view(zf, z, DIMS(0), NULL);
    support_capture_begin();
    assert_null(nda_reshape(z, DIMS(-1, 0)));
    assert_failure(NDA_ESHAPE, "nda_reshape");
    support_capture_end();
    nda_release(zf);
    nda_release(zr);
    nda_release(z);
    nda_release(r);
    nda_release(s);
}

static void test_reshape_errors(void **state)
{
    (void)state;
    nda_array *a = iota(DIMS(12));
    support_capture_begin();
    assert_null(nda_reshape(a, DIMS(5, 2)));
    assert_failure(NDA_ESHAPE, "nda_reshape");
    assert_null(nda_reshape(a, DIMS(5, -1)));
    assert_failure(NDA_ESHAPE, "nda_reshape");
    assert_null(nda_reshape(a, DIMS(-1, -1)));
    assert_failure(NDA_EINVAL, "nda_reshape");
    assert_null(nda_reshape(a, DIMS(-2, -6)));
    assert_failure(NDA_EINVAL, "nda_reshape");
    assert_null(nda_reshape(a, 9, (const ptrdiff_t[]){12, 1, 1, 1, 1, 1, 1, 1, 1}));
    assert_failure(NDA_EINVAL, "nda_reshape");
    support_capture_end();
    nda_release(a);
}

static void test_ravel(void **state)
{
    (void)state;
    nda_array *a = iota(DIMS(3, 4));
    nda_array *r = nda_ravel(a);
    assert_is_view(r, a, DIMS(12), STRIDES(8));
    assert_ptr_equal(nda_cdata(r), nda_cdata(a));
    nda_array *row = nda_row(a, 1);
    nda_array *rr = nda_ravel(row);
    assert_is_view(rr, a, DIMS(4), STRIDES(8));
    assert_int_equal(support_offset(rr, a), 32);
    nda_array *s = nda_slice(row, 0, 0, NDA_END, 2); /* 1-D strided: NumPy's ravel copies */
    nda_array *sr = nda_ravel(s);
    assert_is_copy(sr, a, DIMS(2));
    assert_values(sr, 4, 6);
    nda_array *t = nda_transpose(a);
    nda_array *tr = nda_ravel(t);
    assert_is_copy(tr, a, DIMS(12));
    assert_values(tr, 0, 4, 8, 1, 5, 9, 2, 6, 10, 3, 7, 11);
    nda_array *e = nda_slice(a, 0, NDA_END, NDA_END, -1);
    nda_array *er = nda_ravel(e);
    assert_is_copy(er, a, DIMS(12));
    assert_values(er, 8, 9, 10, 11, 4, 5, 6, 7, 0, 1, 2, 3);
    nda_release(er);
    nda_release(e);
    nda_release(tr);
    nda_release(t);
    nda_release(sr);
    nda_release(s);
    nda_release(rr);
    nda_release(row);
    nda_release(r);
    nda_release(a);
}

static void test_ascontiguous(void **state)
{
    (void)state;
    nda_array *a = iota(DIMS(3, 4));
    nda_array *same = nda_ascontiguous(a);
    assert_ptr_equal(same, a);
    nda_release(same); /* the extra reference: a stays alive */
    assert_double_equal(nda_get2(a, 2, 3), 11);
    nda_array *row = nda_row(a, 2);
    nda_array *rs = nda_ascontiguous(row);
    assert_ptr_equal(rs, row);
    nda_release(rs);
    assert_ptr_equal(nda_base(row), a);
    nda_array *col = nda_col(a, 1);
    nda_array *cc = nda_ascontiguous(col);
    assert_is_copy(cc, a, DIMS(3));
    assert_values(cc, 1, 5, 9);
    nda_array *t = nda_transpose(a);
    nda_array *tc = nda_ascontiguous(t);
    assert_is_copy(tc, a, DIMS(4, 3));
    assert_values(tc, 0, 4, 8, 1, 5, 9, 2, 6, 10, 3, 7, 11);
    nda_release(tc);
    nda_release(t);
    nda_release(cc);
    nda_release(col);
    nda_release(row);
    nda_release(a);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_reshape_contiguous_is_view),
        cmocka_unit_test(test_reshape_minus_one),
        cmocka_unit_test(test_reshape_same_shape_is_view),
        cmocka_unit_test(test_reshape_transposed_copies),
        cmocka_unit_test(test_reshape_sliced_columns),
        cmocka_unit_test(test_reshape_strided_columns),
        cmocka_unit_test(test_reshape_3d),
        cmocka_unit_test(test_reshape_reversed),
        cmocka_unit_test(test_reshape_broadcast),
        cmocka_unit_test(test_reshape_zero_d_and_empty),
        cmocka_unit_test(test_reshape_errors),
        cmocka_unit_test(test_ravel),
        cmocka_unit_test(test_ascontiguous),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
