/* Lifetime: reference counting, views keep their base alive. Run under AddressSanitizer (the
 * VIEWCHECK_SANITIZE build) a premature free shows up as a use-after-free, a missing one as a
 * leak. */
#include "support.h"

static void test_retain_returns_same(void **state)
{
    (void)state;
    nda_array *a = nda_arange(4);
    assert_ptr_equal(nda_retain(a), a);
    assert_ptr_equal(nda_retain(a), a);
    nda_release(a);
    nda_release(a);
    assert_double_equal(nda_get1(a, 3), 3); /* still one reference */
    assert_int_equal(nda_set1(a, 3, 30), NDA_OK);
    nda_release(a);
}

static void test_release_null_is_noop(void **state)
{
    (void)state;
    support_capture_begin();
    nda_release(NULL);
    assert_int_equal(support_captured_calls(), 0);
    support_capture_end();
}

static void test_view_keeps_base_alive(void **state)
{
    (void)state;
    nda_array *a = nda_arange(6);
    nda_array *v = nda_slice(a, 0, 1, 5, 2);
    nda_release(a);
    assert_values(v, 1, 3);
    assert_int_equal(nda_set1(v, 1, 33), NDA_OK);
    assert_values(v, 1, 33);
    assert_non_null(nda_base(v));
    nda_release(v);
}

static void test_chain_keeps_base_alive(void **state)
{
    (void)state;
    const ptrdiff_t shape[2] = {3, 4};
    nda_array *a = support_iota(NDA_FLOAT64, 2, shape);
    nda_array *t = nda_transpose(a);
    nda_array *c = nda_row(t, 2); /* column 2 of a */
    nda_array *r = nda_reshape(c, 2, ((const ptrdiff_t[]){3, 1}));
    const nda_array *owner = nda_base(r);
    assert_ptr_equal(owner, a);
    nda_release(a);
    nda_release(t);
    nda_release(c);
    assert_ptr_equal(nda_base(r), owner);
    assert_values(r, 2, 6, 10);
    assert_double_equal(nda_sum(r), 18);
    nda_release(r);
}

static void test_retained_view_outlives_everything(void **state)
{
    (void)state;
    nda_array *a = nda_arange(5);
    nda_array *v = nda_view(a);
    nda_array *again = nda_retain(v);
    nda_release(v);
    nda_release(a);
    assert_values(again, 0, 1, 2, 3, 4);
    nda_release(again);
}

static void test_many_views_any_order(void **state)
{
    (void)state;
    enum { N = 257 };
    nda_array *a = nda_arange(N);
    nda_array *views[N];
    for (int i = 0; i < N; i++)
        views[i] = nda_slice(a, 0, i, NDA_END, 1);
    nda_release(a);
    for (int i = 0; i < N; i++) {
        int k = (i * 101) % N; /* 101 is coprime with 257: every view once */
        assert_double_equal(nda_get1(views[k], 0), k);
        nda_release(views[k]);
        views[k] = NULL;
    }
    for (int i = 0; i < N; i++)
        assert_null(views[i]);
}

static void test_wrap_release_leaves_memory(void **state)
{
    (void)state;
    double buf[4] = {1, 2, 3, 4};
    const ptrdiff_t n = 4;
    nda_array *w = nda_wrap(buf, NDA_FLOAT64, 1, &n, NULL);
    nda_array *v = nda_slice(w, 0, NDA_END, NDA_END, -1);
    nda_release(w);
    assert_ptr_equal(nda_base(v), w); /* the wrap header lives on for its view */
    assert_values(v, 4, 3, 2, 1);
    assert_int_equal(nda_set1(v, 0, 40), NDA_OK);
    nda_release(v);
    assert_double_equal(buf[3], 40);
}

static void test_ascontiguous_reference(void **state)
{
    (void)state;
    nda_array *a = nda_arange(3);
    nda_array *same = nda_ascontiguous(a);
    nda_release(a);
    assert_values(same, 0, 1, 2); /* the reference from nda_ascontiguous keeps it alive */
    nda_release(same);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_retain_returns_same),
        cmocka_unit_test(test_release_null_is_noop),
        cmocka_unit_test(test_view_keeps_base_alive),
        cmocka_unit_test(test_chain_keeps_base_alive),
        cmocka_unit_test(test_retained_view_outlives_everything),
        cmocka_unit_test(test_many_views_any_order),
        cmocka_unit_test(test_wrap_release_leaves_memory),
        cmocka_unit_test(test_ascontiguous_reference),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
