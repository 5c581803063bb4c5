/* Kernels: values, shapes, read-only outputs and the overlap contract (identical operands are
 * fine, partial overlap fails with NDA_EOVERLAP before anything is written, disjoint views of one
 * base are fine, copyto copies as if through a temporary). */
#include "support.h"

#include <math.h>

static nda_array *vec(ptrdiff_t n, const double *values)
{
    nda_array *a = nda_from_values(NDA_FLOAT64, 1, &n, values);
    assert_non_null(a);
    return a;
}
#define VEC(...)                                                                                   \
    vec((ptrdiff_t)(sizeof((const double[]){__VA_ARGS__}) / sizeof(double)),                       \
        (const double[]){__VA_ARGS__})

typedef nda_status (*binary_fn)(nda_array *, const nda_array *, const nda_array *);

static const struct {
    binary_fn fn;
    const char *name;
} binaries[] = {
    {nda_add, "nda_add"}, {nda_sub, "nda_sub"}, {nda_mul, "nda_mul"}, {nda_div, "nda_div"}};

static void test_binary_values(void **state)
{
    (void)state;
    nda_array *x = VEC(1, 2, 3, 4), *y = VEC(4, 3, 2, 8);
    nda_array *out = nda_zeros(NDA_FLOAT64, 1, ((const ptrdiff_t[]){4}));
    assert_int_equal(nda_add(out, x, y), NDA_OK);
    assert_values(out, 5, 5, 5, 12);
    assert_int_equal(nda_sub(out, x, y), NDA_OK);
    assert_values(out, -3, -1, 1, -4);
    assert_int_equal(nda_mul(out, x, y), NDA_OK);
    assert_values(out, 4, 6, 6, 32);
    assert_int_equal(nda_div(out, x, y), NDA_OK);
    assert_values(out, 0.25, 2.0 / 3.0, 1.5, 0.5);
    assert_int_equal(nda_axpy(out, 4, x), NDA_OK);
    assert_values(out, 4.25, 8 + 2.0 / 3.0, 13.5, 16.5);
    assert_values(x, 1, 2, 3, 4);
    assert_values(y, 4, 3, 2, 8);
    nda_release(out);
    nda_release(y);
    nda_release(x);
}

static void test_binary_strided_operands(void **state)
{
    (void)state;
    const ptrdiff_t shape[2] = {3, 4};
    nda_array *a = support_iota(NDA_FLOAT64, 2, shape);
    nda_array *b = support_iota(NDA_INT32, 2, shape);
    nda_array *t = nda_transpose(a);                       /* t[i][j] = 4 j + i */
    nda_array *rb = nda_slice(b, 1, NDA_END, NDA_END, -1); /* rb[i][j] = 4 i + 3 - j */
    nda_array *rbt = nda_transpose(rb);                    /* rbt[i][j] = 4 j + 3 - i */
    nda_array *out = nda_zeros(NDA_FLOAT64, 2, ((const ptrdiff_t[]){8, 3}));
    nda_array *dst = nda_slice(out, 0, 1, NDA_END, 2); /* rows 1, 3, 5, 7 */
    assert_int_equal(nda_sub(dst, t, rbt), NDA_OK);
    for (ptrdiff_t i = 0; i < 8; i++)
        for (ptrdiff_t j = 0; j < 3; j++)
            assert_double_equal(nda_get2(out, i, j), i % 2 ? (double)(2 * (i / 2) - 3) : 0.0);
    nda_release(dst);
    nda_release(out);
    nda_release(rbt);
    nda_release(rb);
    nda_release(t);
    nda_release(b);
    nda_release(a);
}

static void test_binary_mixed_dtypes(void **state)
{
    (void)state;
    const ptrdiff_t n = 3;
    nda_array *x = nda_from_values(NDA_INT32, 1, &n, (const double[]){1, 2, 3});
    nda_array *y = nda_from_values(NDA_UINT8, 1, &n, (const double[]){250, 251, 252});
    nda_array *f = nda_zeros(NDA_FLOAT64, 1, &n);
    nda_array *i = nda_zeros(NDA_INT32, 1, &n);
    assert_int_equal(nda_add(f, x, y), NDA_OK);
    assert_values(f, 251, 253, 255);
    nda_array *two = VEC(2, 2, 2);
    assert_int_equal(nda_div(i, x, two), NDA_OK);
    assert_values(i, 0, 1, 1); /* 0.5, 1, 1.5 truncated */
    nda_release(two);
    nda_release(i);
    nda_release(f);
    nda_release(y);
    nda_release(x);
}

static void test_axpy_fill_scale(void **state)
{
    (void)state;
    nda_array *y = VEC(1, 2, 3), *x = VEC(10, 20, 30);
    assert_int_equal(nda_axpy(y, 0.5, x), NDA_OK);
    assert_values(y, 6, 12, 18);
    assert_values(x, 10, 20, 30);
    nda_array *a = nda_zeros(NDA_FLOAT64, 1, ((const ptrdiff_t[]){6}));
    nda_array *even = nda_slice(a, 0, 0, NDA_END, 2);
    assert_int_equal(nda_fill(even, 7), NDA_OK);
    assert_values(a, 7, 0, 7, 0, 7, 0);
    nda_array *odd = nda_slice(a, 0, -1, NDA_END, -2);
    assert_int_equal(nda_fill(odd, 1), NDA_OK);
    assert_int_equal(nda_scale(even, 3), NDA_OK);
    assert_values(a, 21, 1, 21, 1, 21, 1);
    assert_int_equal(nda_scale(a, -0.5), NDA_OK);
    assert_values(a, -10.5, -0.5, -10.5, -0.5, -10.5, -0.5);
    nda_release(odd);
    nda_release(even);
    nda_release(a);
    nda_release(x);
    nda_release(y);
}

static void test_sum_dot(void **state)
{
    (void)state;
    const ptrdiff_t shape[2] = {3, 4};
    nda_array *a = support_iota(NDA_FLOAT64, 2, shape);
    nda_array *t = nda_transpose(a);
    nda_array *b = support_iota(NDA_UINT8, 2, shape);
    assert_double_equal(nda_sum(a), 66);
    assert_double_equal(nda_sum(t), 66);
    assert_double_equal(nda_dot(a, b), 506); /* sum of k^2, k < 12 */
    nda_array *r = nda_slice(b, 0, NDA_END, NDA_END, -1);
    assert_double_equal(nda_dot(a, r), 0 * 8 + 1 * 9 + 2 * 10 + 3 * 11 + 4 * 4 + 5 * 5 + 6 * 6 +
                                           7 * 7 + 8 * 0 + 9 * 1 + 10 * 2 + 11 * 3);
    nda_array *e = nda_slice(a, 0, 0, 0, 1);
    assert_double_equal(nda_sum(e), 0);
    assert_double_equal(nda_dot(e, e), 0);
    nda_array *z = nda_index(t, 0, 3); /* column 3 of a */
    assert_double_equal(nda_sum(z), 3 + 7 + 11);
    nda_release(z);
    nda_release(e);
    nda_release(r);
    nda_release(b);
    nda_release(t);
    nda_release(a);
}

static void check_shape_mismatch(nda_array *out, nda_array *x, nda_array *y)
{
    support_snapshot snap;
    support_take(&snap, out);
    support_capture_begin();
    for (size_t k = 0; k < 4; k++) {
        assert_int_equal(binaries[k].fn(out, x, y), NDA_ESHAPE);
        assert_failure(NDA_ESHAPE, binaries[k].name);
        assert_int_equal(binaries[k].fn(out, y, y), NDA_ESHAPE);
        assert_failure(NDA_ESHAPE, binaries[k].name);
    }
    assert_int_equal(nda_axpy(out, 1, y), NDA_ESHAPE);
    assert_failure(NDA_ESHAPE, "nda_axpy");
    assert_int_equal(nda_copyto(out, y), NDA_ESHAPE);
    assert_failure(NDA_ESHAPE, "nda_copyto");
    assert_nan(nda_dot(out, y));
    assert_failure(NDA_ESHAPE, "nda_dot");
    support_capture_end();
    assert_unchanged(&snap);
}

static void test_shape_mismatch(void **state)
{
    (void)state;
    nda_array *out = nda_zeros(NDA_FLOAT64, 2, ((const ptrdiff_t[]){2, 3}));
    nda_array *x = nda_full(NDA_FLOAT64, 2, ((const ptrdiff_t[]){2, 3}), 1);
    nda_array *y1 = nda_full(NDA_FLOAT64, 2, ((const ptrdiff_t[]){3, 2}), 1);
    nda_array *y2 = nda_full(NDA_FLOAT64, 1, ((const ptrdiff_t[]){6}), 1);
    nda_array *y3 = nda_full(NDA_FLOAT64, 2, ((const ptrdiff_t[]){2, 4}), 1);
    check_shape_mismatch(out, x, y1);
    check_shape_mismatch(out, x, y2);
    check_shape_mismatch(out, x, y3);
    nda_release(y3);
    nda_release(y2);
    nda_release(y1);
    nda_release(x);
    nda_release(out);
}

static void test_readonly_output(void **state)
{
    (void)state;
    nda_array *x = VEC(1, 2, 3);
    nda_array *row = nda_full(NDA_FLOAT64, 1, ((const ptrdiff_t[]){3}), 5);
    nda_array *bc = nda_broadcast_to(row, 1, ((const ptrdiff_t[]){3}));
    support_snapshot snap;
    support_take(&snap, row);
    support_capture_begin();
    for (size_t k = 0; k < 4; k++) {
        assert_int_equal(binaries[k].fn(bc, x, x), NDA_EREADONLY);
        assert_failure(NDA_EREADONLY, binaries[k].name);
    }
    assert_int_equal(nda_axpy(bc, 1, x), NDA_EREADONLY);
    assert_failure(NDA_EREADONLY, "nda_axpy");
    support_capture_end();
    assert_unchanged(&snap);
    nda_release(bc);
    nda_release(row);
    nda_release(x);
}

static void test_identical_operands_accepted(void **state)
{
    (void)state;
    nda_array *a = VEC(1, 2, 3, 4);
    assert_int_equal(nda_add(a, a, a), NDA_OK);
    assert_values(a, 2, 4, 6, 8);
    assert_int_equal(nda_mul(a, a, a), NDA_OK);
    assert_values(a, 4, 16, 36, 64);
    nda_array *d = VEC(2, 4, 6, 8);
    assert_int_equal(nda_div(a, a, d), NDA_OK);
    assert_values(a, 2, 4, 6, 8);
    assert_int_equal(nda_sub(a, d, a), NDA_OK);
    assert_values(a, 0, 0, 0, 0);
    nda_array *b = VEC(1, 2, 3, 4), *ones = VEC(1, 1, 1, 1);
    nda_array *v = nda_view(b); /* another handle, the same memory and layout */
    assert_int_equal(nda_sub(v, b, ones), NDA_OK);
    assert_values(b, 0, 1, 2, 3);
    assert_int_equal(nda_axpy(b, 2, v), NDA_OK);
    assert_values(b, 0, 3, 6, 9);
    nda_array *r1 = nda_slice(b, 0, NDA_END, NDA_END, -1);
    nda_array *r2 = nda_slice(v, 0, NDA_END, NDA_END, -1);
    nda_array *w = VEC(1, 2, 3, 4);
    assert_int_equal(nda_sub(r1, w, r2), NDA_OK); /* r1 = w - r1, element-wise in place */
    assert_values(r1, -8, -4, 0, 4);
    assert_values(b, 4, 0, -4, -8);
    assert_int_equal(nda_div(b, v, b), NDA_OK);
    assert_values(b, 1, NAN, 1, 1); /* 0 / 0 */
    nda_release(w);
    nda_release(ones);
    nda_release(d);
    nda_release(r2);
    nda_release(r1);
    nda_release(v);
    nda_release(b);
    nda_release(a);
}

/* Every binary kernel and axpy must refuse out/in with NDA_EOVERLAP and write nothing. */
static void check_partial_overlap(nda_array *owner, nda_array *out, nda_array *in)
{
    nda_array *other = nda_copy(in);
    support_snapshot snap;
    support_take(&snap, owner);
    support_capture_begin();
    for (size_t k = 0; k < 4; k++) {
        assert_int_equal(binaries[k].fn(out, in, other), NDA_EOVERLAP);
        assert_failure(NDA_EOVERLAP, binaries[k].name);
        assert_int_equal(binaries[k].fn(out, other, in), NDA_EOVERLAP);
        assert_failure(NDA_EOVERLAP, binaries[k].name);
        assert_int_equal(binaries[k].fn(out, out, in), NDA_EOVERLAP);
        assert_failure(NDA_EOVERLAP, binaries[k].name);
    }
    assert_int_equal(nda_axpy(out, 1, in), NDA_EOVERLAP);
    assert_failure(NDA_EOVERLAP, "nda_axpy");
    support_capture_end();
    assert_unchanged(&snap);
    nda_release(other);
}

static void test_partial_overlap_rejected(void **state)
{
    (void)state;
    const ptrdiff_t n = 8;
    nda_array *a = support_iota(NDA_FLOAT64, 1, &n);
    nda_array *s1 = nda_slice(a, 0, 1, 7, 1), *s0 = nda_slice(a, 0, 0, 6, 1);
    check_partial_overlap(a, s1, s0);
    check_partial_overlap(a, s0, s1);
    nda_array *lo = nda_slice(a, 0, 0, 4, 1), *hi = nda_slice(a, 0, 3, 7, 1); /* share a[3] */
    check_partial_overlap(a, lo, hi);
    nda_array *rev = nda_slice(a, 0, NDA_END, NDA_END, -1); /* same elements, other order */
    check_partial_overlap(a, a, rev);
    check_partial_overlap(a, rev, a);
    nda_array *m = nda_reshape(a, 2, ((const ptrdiff_t[]){2, 4}));
    nda_array *sq = nda_slice(m, 1, 0, 2, 1);
    nda_array *sqt = nda_transpose(sq); /* a 2x2 block and its transpose share the diagonal */
    check_partial_overlap(a, sq, sqt);
    nda_release(sqt);
    nda_release(sq);
    nda_release(m);
    nda_release(rev);
    nda_release(hi);
    nda_release(lo);
    nda_release(s0);
    nda_release(s1);
    nda_release(a);
}

static void test_disjoint_views_accepted(void **state)
{
    (void)state;
    const ptrdiff_t n = 8;
    nda_array *a = support_iota(NDA_FLOAT64, 1, &n);
    nda_array *even = nda_slice(a, 0, 0, NDA_END, 2), *odd = nda_slice(a, 0, 1, NDA_END, 2);
    assert_true(nda_may_share_memory(even, odd)); /* the extents interleave */
    assert_int_equal(nda_add(even, odd, odd), NDA_OK);
    assert_values(a, 2, 1, 6, 3, 10, 5, 14, 7);
    assert_int_equal(nda_axpy(odd, -1, even), NDA_OK);
    assert_values(a, 2, -1, 6, -3, 10, -5, 14, -7);
    nda_array *lo = nda_slice(a, 0, 0, 4, 1), *hi = nda_slice(a, 0, 4, 8, 1);
    assert_int_equal(nda_mul(lo, hi, lo), NDA_OK);
    assert_values(a, 20, 5, 84, 21, 10, -5, 14, -7);
    nda_array *m = nda_reshape(a, 2, ((const ptrdiff_t[]){4, 2}));
    nda_array *c0 = nda_col(m, 0), *c1 = nda_col(m, 1);
    assert_int_equal(nda_sub(c1, c0, c1), NDA_OK);
    assert_values(a, 20, 15, 84, 63, 10, 15, 14, 21);
    nda_release(c1);
    nda_release(c0);
    nda_release(m);
    nda_release(hi);
    nda_release(lo);
    nda_release(odd);
    nda_release(even);
    nda_release(a);
}

static void test_copyto_plain(void **state)
{
    (void)state;
    nda_array *src = VEC(1.7, -1.7, 3);
    nda_array *dst = nda_zeros(NDA_INT32, 1, ((const ptrdiff_t[]){3}));
    assert_int_equal(nda_copyto(dst, src), NDA_OK);
    assert_values(dst, 1, -1, 3);
    nda_array *m = nda_zeros(NDA_FLOAT64, 2, ((const ptrdiff_t[]){3, 2}));
    nda_array *c = nda_col(m, 1);
    assert_int_equal(nda_copyto(c, src), NDA_OK);
    assert_values(m, 0, 1.7, 0, -1.7, 0, 3);
    assert_int_equal(nda_copyto(m, m), NDA_OK);
    assert_values(m, 0, 1.7, 0, -1.7, 0, 3);
    nda_release(c);
    nda_release(m);
    nda_release(dst);
    nda_release(src);
}

static void test_copyto_overlapping(void **state)
{
    (void)state;
    const ptrdiff_t n = 8;
    nda_array *a = support_iota(NDA_FLOAT64, 1, &n);
    nda_array *right = nda_slice(a, 0, 1, NDA_END, 1), *left = nda_slice(a, 0, 0, 7, 1);
    assert_int_equal(nda_copyto(right, left), NDA_OK);
    assert_values(a, 0, 0, 1, 2, 3, 4, 5, 6);
    assert_int_equal(nda_copyto(left, right), NDA_OK);
    assert_values(a, 0, 1, 2, 3, 4, 5, 6, 6);
    nda_array *rev = nda_slice(a, 0, NDA_END, NDA_END, -1);
    assert_int_equal(nda_copyto(a, rev), NDA_OK);
    assert_values(a, 6, 6, 5, 4, 3, 2, 1, 0);
    nda_array *head = nda_slice(a, 0, 0, 4, 1);
    nda_array *sq = nda_reshape(head, 2, ((const ptrdiff_t[]){2, 2}));
    nda_array *sqt = nda_transpose(sq);
    assert_int_equal(nda_copyto(sq, sqt), NDA_OK);
    assert_values(a, 6, 5, 6, 4, 3, 2, 1, 0);
    const ptrdiff_t shape[2] = {3, 3};
    nda_array *b = support_iota(NDA_INT32, 2, shape);
    nda_array *bt = nda_transpose(b);
    assert_int_equal(nda_copyto(b, bt), NDA_OK);
    assert_values(b, 0, 3, 6, 1, 4, 7, 2, 5, 8);
    nda_release(bt);
    nda_release(b);
    nda_release(sqt);
    nda_release(sq);
    nda_release(head);
    nda_release(rev);
    nda_release(left);
    nda_release(right);
    nda_release(a);
}

static void test_copyto_broadcast_source(void **state)
{
    (void)state;
    nda_array *row = VEC(1, 2, 3);
    nda_array *b = nda_broadcast_to(row, 2, ((const ptrdiff_t[]){2, 3}));
    nda_array *m = nda_zeros(NDA_FLOAT64, 2, ((const ptrdiff_t[]){2, 3}));
    assert_int_equal(nda_copyto(m, b), NDA_OK);
    assert_values(m, 1, 2, 3, 1, 2, 3);
    nda_array *first = nda_row(m, 0);
    nda_array *mb = nda_broadcast_to(first, 2, ((const ptrdiff_t[]){2, 3}));
    assert_int_equal(nda_scale(first, 10), NDA_OK);
    assert_int_equal(nda_copyto(m, mb), NDA_OK); /* dst overlaps its own broadcast source */
    assert_values(m, 10, 20, 30, 10, 20, 30);
    nda_release(mb);
    nda_release(first);
    nda_release(m);
    nda_release(b);
    nda_release(row);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_binary_values),
        cmocka_unit_test(test_binary_strided_operands),
        cmocka_unit_test(test_binary_mixed_dtypes),
        cmocka_unit_test(test_axpy_fill_scale),
        cmocka_unit_test(test_sum_dot),
        cmocka_unit_test(test_shape_mismatch),
        cmocka_unit_test(test_readonly_output),
        cmocka_unit_test(test_identical_operands_accepted),
        cmocka_unit_test(test_partial_overlap_rejected),
        cmocka_unit_test(test_disjoint_views_accepted),
        cmocka_unit_test(test_copyto_plain),
        cmocka_unit_test(test_copyto_overlapping),
        cmocka_unit_test(test_copyto_broadcast_source),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
