/* nda_resize: NumPy's refcheck (NDA_EREFERENCED for views, arrays with live views, retained
 * arrays and arrays returned by nda_ascontiguous) and zero-filled growth. */
#include "support.h"

/* nda_resize(target) must fail with NDA_EREFERENCED and leave the owner a untouched. */
static void expect_referenced(nda_array *a, nda_array *target)
{
    const void *data = nda_cdata(a);
    ptrdiff_t n = nda_shape(a)[0];
    support_snapshot snap;
    support_take(&snap, a);
    support_capture_begin();
    assert_int_equal(nda_resize(target, 10), NDA_EREFERENCED);
    assert_failure(NDA_EREFERENCED, "nda_resize");
    support_capture_end();
    assert_ptr_equal(nda_cdata(a), data);
    assert_int_equal(nda_ndim(a), 1);
    assert_int_equal(nda_shape(a)[0], n);
    assert_unchanged(&snap);
}

static void test_grow_zero_fills(void **state)
{
    (void)state;
    nda_array *a = nda_arange(3);
    assert_int_equal(nda_resize(a, 6), NDA_OK);
    assert_layout(a, 1, ((const ptrdiff_t[]){6}), ((const ptrdiff_t[]){8}));
    assert_values(a, 0, 1, 2, 0, 0, 0);
    assert_int_equal(nda_resize(a, 2), NDA_OK);
    assert_values(a, 0, 1);
    assert_int_equal(nda_resize(a, 0), NDA_OK);
    assert_int_equal(nda_size(a), 0);
    assert_int_equal(nda_resize(a, 3), NDA_OK);
    assert_values(a, 0, 0, 0);
    assert_null(nda_base(a));
    assert_true(nda_owns_data(a));
    nda_release(a);

    nda_array *f = nda_full(NDA_FLOAT32, 1, ((const ptrdiff_t[]){2}), 7.5);
    assert_int_equal(nda_resize(f, 1000), NDA_OK);
    assert_double_equal(nda_get1(f, 1), 7.5);
    assert_double_equal(nda_sum(f), 15);
    assert_int_equal(nda_strides(f)[0], 4);
    nda_release(f);

    nda_array *u = nda_full(NDA_UINT8, 1, ((const ptrdiff_t[]){5}), 255);
    assert_int_equal(nda_resize(u, 9), NDA_OK);
    assert_values(u, 255, 255, 255, 255, 255, 0, 0, 0, 0);
    nda_release(u);
}

static void test_referenced_by_view(void **state)
{
    (void)state;
    nda_array *a = nda_arange(4);
    nda_array *v = nda_slice(a, 0, 1, 3, 1);
    expect_referenced(a, a);
    nda_release(v);
    assert_int_equal(nda_resize(a, 5), NDA_OK);
    assert_values(a, 0, 1, 2, 3, 0);
    nda_array *t = nda_transpose(a);
    nda_array *tv = nda_slice(t, 0, 0, 1, 1);
    nda_release(t);
    expect_referenced(a, a); /* a view of a view still refers to the owner */
    nda_release(tv);
    assert_int_equal(nda_resize(a, 1), NDA_OK);
    nda_release(a);
}

static void test_referenced_when_retained(void **state)
{
    (void)state;
    nda_array *a = nda_arange(4);
    nda_retain(a);
    expect_referenced(a, a);
    nda_release(a);
    assert_int_equal(nda_resize(a, 2), NDA_OK);
    assert_values(a, 0, 1);
    nda_release(a);
}

static void test_referenced_when_a_view(void **state)
{
    (void)state;
    nda_array *a = nda_arange(4);
    nda_array *v = nda_view(a);
    expect_referenced(a, v);
    nda_release(a);
    support_capture_begin();
    assert_int_equal(nda_resize(v, 10), NDA_EREFERENCED); /* still a view, its base alive */
    assert_failure(NDA_EREFERENCED, "nda_resize");
    support_capture_end();
    assert_values(v, 0, 1, 2, 3);
    nda_release(v);
}

static void test_referenced_after_ascontiguous(void **state)
{
    (void)state;
    nda_array *a = nda_arange(4);
    nda_array *c = nda_ascontiguous(a);
    assert_ptr_equal(c, a);
    expect_referenced(a, a);
    nda_release(c);
    assert_int_equal(nda_resize(a, 6), NDA_OK);
    assert_values(a, 0, 1, 2, 3, 0, 0);
    nda_release(a);
}

static void test_other_failures(void **state)
{
    (void)state;
    nda_array *m = nda_zeros(NDA_FLOAT64, 2, ((const ptrdiff_t[]){2, 2}));
    double buf[3] = {1, 2, 3};
    nda_array *w = nda_wrap(buf, NDA_FLOAT64, 1, ((const ptrdiff_t[]){3}), NULL);
    nda_array *a = nda_arange(3);
    support_capture_begin();
    assert_int_equal(nda_resize(m, 8), NDA_EINVAL);
    assert_failure(NDA_EINVAL, "nda_resize");
    assert_int_equal(nda_resize(w, 8), NDA_EINVAL);
    assert_failure(NDA_EINVAL, "nda_resize");
    assert_int_equal(nda_resize(a, -1), NDA_EINVAL);
    assert_failure(NDA_EINVAL, "nda_resize");
    assert_int_equal(nda_set_writeable(a, false), NDA_OK);
    assert_int_equal(nda_resize(a, 8), NDA_EREADONLY);
    assert_failure(NDA_EREADONLY, "nda_resize");
    support_capture_end();
    assert_layout(m, 2, ((const ptrdiff_t[]){2, 2}), ((const ptrdiff_t[]){16, 8}));
    assert_values(w, 1, 2, 3);
    assert_ptr_equal(nda_cdata(w), buf);
    assert_values(a, 0, 1, 2);
    nda_release(a);
    nda_release(w);
    nda_release(m);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_grow_zero_fills),
        cmocka_unit_test(test_referenced_by_view),
        cmocka_unit_test(test_referenced_when_retained),
        cmocka_unit_test(test_referenced_when_a_view),
        cmocka_unit_test(test_referenced_after_ascontiguous),
        cmocka_unit_test(test_other_failures),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
