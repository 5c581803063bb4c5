/* The writeable flag: read-only arrays refuse writes, views of read-only arrays are read-only, a
 * view cannot be made writeable over a read-only base, diagonal and broadcast_to are read-only. */
#include "support.h"

static nda_array *readonly_iota(void)
{
    const ptrdiff_t shape[2] = {3, 3};
    nda_array *a = support_iota(NDA_FLOAT64, 2, shape);
    assert_int_equal(nda_set_writeable(a, false), NDA_OK);
    assert_false(nda_is_writeable(a));
    return a;
}

static void assert_rejects_writes(nda_array *v)
{
    const nda_array *owner = nda_base(v) ? nda_base(v) : v;
    support_snapshot snap;
    support_take(&snap, owner);
    ptrdiff_t zeros[NDA_MAXDIMS] = {0};
    support_capture_begin();
    assert_int_equal(nda_set(v, zeros, 42), NDA_EREADONLY);
    assert_failure(NDA_EREADONLY, "nda_set");
    assert_int_equal(nda_fill(v, 42), NDA_EREADONLY);
    assert_failure(NDA_EREADONLY, "nda_fill");
    assert_int_equal(nda_scale(v, 2), NDA_EREADONLY);
    assert_failure(NDA_EREADONLY, "nda_scale");
    nda_array *src = nda_copy(v);
    assert_int_equal(nda_copyto(v, src), NDA_EREADONLY);
    assert_failure(NDA_EREADONLY, "nda_copyto");
    assert_int_equal(nda_add(v, src, src), NDA_EREADONLY);
    assert_failure(NDA_EREADONLY, "nda_add");
    assert_int_equal(nda_axpy(v, 1, src), NDA_EREADONLY);
    assert_failure(NDA_EREADONLY, "nda_axpy");
    support_capture_end();
    nda_release(src);
    assert_unchanged(&snap);
}

static void test_readonly_array_rejects_writes(void **state)
{
    (void)state;
    nda_array *a = readonly_iota();
    assert_rejects_writes(a);
    assert_int_equal(nda_set_writeable(a, true), NDA_OK);
    assert_int_equal(nda_set2(a, 0, 0, 42), NDA_OK);
    assert_double_equal(nda_get2(a, 0, 0), 42);
    nda_release(a);
}

static void check_readonly_view(nda_array *a, nda_array *v)
{
    assert_non_null(v);
    assert_ptr_equal(nda_base(v), a);
    assert_false(nda_is_writeable(v));
    assert_rejects_writes(v);
    support_capture_begin();
    assert_int_equal(nda_set_writeable(v, true), NDA_EREADONLY);
    assert_failure(NDA_EREADONLY, "nda_set_writeable");
    support_capture_end();
    assert_false(nda_is_writeable(v));
    nda_release(v);
}

static void test_views_of_readonly_are_readonly(void **state)
{
    (void)state;
    nda_array *a = readonly_iota();
    check_readonly_view(a, nda_view(a));
    check_readonly_view(a, nda_slice(a, 1, NDA_END, NDA_END, -1));
    check_readonly_view(a, nda_index(a, 0, 1));
    check_readonly_view(a, nda_row(a, 2));
    check_readonly_view(a, nda_col(a, 0));
    check_readonly_view(a, nda_transpose(a));
    check_readonly_view(a, nda_diagonal(a));
    check_readonly_view(a, nda_broadcast_to(a, 3, ((const ptrdiff_t[]){2, 3, 3})));
    check_readonly_view(a,
                        nda_as_strided(a, 1, ((const ptrdiff_t[]){3}), ((const ptrdiff_t[]){8})));
    check_readonly_view(a, nda_reshape(a, 1, ((const ptrdiff_t[]){9})));
    check_readonly_view(a, nda_ravel(a));
    nda_array *v = nda_view(a);
    check_readonly_view(a, nda_slice(v, 0, 0, 1, 1)); /* a view of a read-only view */
    nda_release(v);
    nda_release(a);
}

static void check_writeable_copy(nda_array *a, nda_array *c)
{
    assert_non_null(c);
    assert_null(nda_base(c));
    assert_true(nda_is_writeable(c));
    assert_int_equal(nda_fill(c, 1), NDA_OK);
    assert_double_equal(nda_get2(a, 0, 0), 0);
    nda_release(c);
}

static void test_copies_of_readonly_are_writeable(void **state)
{
    (void)state;
    nda_array *a = readonly_iota();
    check_writeable_copy(a, nda_copy(a));
    check_writeable_copy(a, nda_flatten(a));
    check_writeable_copy(a, nda_astype(a, NDA_INT32));
    nda_array *t = nda_transpose(a);
    check_writeable_copy(a, nda_reshape(t, 1, ((const ptrdiff_t[]){9})));
    check_writeable_copy(a, nda_ravel(t));
    check_writeable_copy(a, nda_ascontiguous(t));
    nda_release(t);
    nda_release(a);
}

static void test_views_made_before_keep_their_flag(void **state)
{
    (void)state;
    const ptrdiff_t n = 4;
    nda_array *a = support_iota(NDA_INT64, 1, &n);
    nda_array *before = nda_slice(a, 0, 1, 3, 1);
    assert_int_equal(nda_set_writeable(a, false), NDA_OK);
    assert_true(nda_is_writeable(before)); /* as in NumPy */
    assert_int_equal(nda_set1(before, 0, 10), NDA_OK);
    assert_values(a, 0, 10, 2, 3);
    nda_array *after = nda_slice(a, 0, 1, 3, 1);
    assert_false(nda_is_writeable(after));
    assert_int_equal(nda_set_writeable(before, false), NDA_OK);
    support_capture_begin();
    assert_int_equal(nda_set_writeable(before, true), NDA_EREADONLY);
    assert_failure(NDA_EREADONLY, "nda_set_writeable");
    support_capture_end();
    assert_int_equal(nda_set_writeable(a, true), NDA_OK);
    assert_false(nda_is_writeable(after)); /* the base's flag does not propagate */
    assert_int_equal(nda_set_writeable(after, true), NDA_OK);
    assert_int_equal(nda_set1(after, 1, 20), NDA_OK);
    assert_values(a, 0, 10, 20, 3);
    nda_release(after);
    nda_release(before);
    nda_release(a);
}

static void test_readonly_view_leaves_base_writeable(void **state)
{
    (void)state;
    const ptrdiff_t n = 3;
    nda_array *a = support_iota(NDA_FLOAT32, 1, &n);
    nda_array *v = nda_view(a);
    assert_int_equal(nda_set_writeable(v, false), NDA_OK);
    assert_true(nda_is_writeable(a));
    assert_int_equal(nda_set1(a, 0, 5), NDA_OK);
    assert_double_equal(nda_get1(v, 0), 5);
    nda_release(v);
    nda_release(a);
}

static void test_diagonal_and_broadcast_readonly(void **state)
{
    (void)state;
    const ptrdiff_t shape[2] = {3, 3};
    nda_array *a = support_iota(NDA_FLOAT64, 2, shape);
    nda_array *d = nda_diagonal(a);
    nda_array *b = nda_broadcast_to(a, 3, ((const ptrdiff_t[]){2, 3, 3}));
    assert_true(nda_is_writeable(a));
    assert_false(nda_is_writeable(d));
    assert_false(nda_is_writeable(b));
    assert_rejects_writes(d);
    assert_rejects_writes(b);
    nda_array *ds = nda_slice(d, 0, 0, 2, 1);
    assert_false(nda_is_writeable(ds));
    assert_int_equal(nda_set_writeable(d, true), NDA_OK); /* NumPy 1.24 allows it: base writeable */
    assert_int_equal(nda_set1(d, 2, -8), NDA_OK);
    assert_double_equal(nda_get2(a, 2, 2), -8);
    nda_release(ds);
    nda_release(b);
    nda_release(d);
    nda_release(a);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_readonly_array_rejects_writes),
        cmocka_unit_test(test_views_of_readonly_are_readonly),
        cmocka_unit_test(test_copies_of_readonly_are_writeable),
        cmocka_unit_test(test_views_made_before_keep_their_flag),
        cmocka_unit_test(test_readonly_view_leaves_base_writeable),
        cmocka_unit_test(test_diagonal_and_broadcast_readonly),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
