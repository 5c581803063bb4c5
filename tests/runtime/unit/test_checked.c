/* nda's checked mode (-DNDA_CHECKED, nda_checked): each rule is reported on the executed path,
 * and correct code gets no finding. Each test counts the findings its scenario adds. */
#include <nda.h>
#include <nda_check.h>

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>

static int before;

static int setup(void **state)
{
    (void)state;
    before = nda_check_findings();
    return 0;
}

static int added(void)
{
    return nda_check_findings() - before;
}

static void vc004_seed_scenario(void **state)
{
    (void)state;
    nda_array *a = nda_arange(6);
    nda_array *b = nda_slice(a, 0, 0, 3, 1);
    nda_set1(b, 0, 100);
    (void)nda_sum(a);
    (void)nda_sum(b);
    assert_int_equal(added(), 1);
}

static void view_finished_before_base_read(void **state)
{
    (void)state;
    nda_array *a = nda_arange(6);
    nda_array *b = nda_slice(a, 0, 0, 3, 1);
    nda_set1(b, 0, 100);
    nda_release(b);
    (void)nda_sum(a);
    nda_release(a);
    assert_int_equal(added(), 0);
}

static void vc003_stale_view(void **state)
{
    (void)state;
    nda_array *a = nda_arange(6);
    nda_array *b = nda_slice(a, 0, 2, 4, 1);
    nda_set1(a, 3, 7);
    (void)nda_sum(b);
    assert_int_equal(added(), 1);
}

static void write_outside_view_is_not_stale(void **state)
{
    (void)state;
    nda_array *a = nda_arange(6);
    nda_array *b = nda_slice(a, 0, 2, 4, 1);
    nda_set1(a, 5, 7);
    (void)nda_sum(b);
    assert_int_equal(added(), 0);
}

static void vc007_poisoned_not_freed(void **state)
{
    (void)state;
    nda_array *a = nda_arange(4);
    nda_release(a);
    assert_true(nda_sum(a) == 6.0); /* the memory is still there */
    nda_release(a);
    assert_int_equal(added(), 1); /* one root cause, one finding */
}

static void retained_release_is_balanced(void **state)
{
    (void)state;
    nda_array *a = nda_arange(4);
    nda_array *k = nda_retain(a);
    nda_release(k);
    (void)nda_sum(a);
    nda_release(a);
    assert_int_equal(added(), 0);
}

static void vc006_resize_with_view(void **state)
{
    (void)state;
    nda_array *a = nda_arange(4);
    nda_array *v = nda_view(a);
    assert_int_equal(nda_resize(a, 8), NDA_EREFERENCED);
    nda_release(v);
    assert_int_equal(nda_resize(a, 8), NDA_OK); /* the released view no longer counts */
    assert_int_equal(added(), 1);
}

static void vc007_raw_pointer_after_resize(void **state)
{
    (void)state;
    nda_array *a = nda_arange(4);
    double *p = nda_data(a);
    NDA_STORE(p, 0, 1.0);
    assert_int_equal(nda_resize(a, 64), NDA_OK);
    NDA_STORE(p, 1, 2.0);
    assert_int_equal(added(), 1);
}

static void vc002_partial_overlap(void **state)
{
    (void)state;
    nda_array *a = nda_arange(8);
    nda_array *x = nda_slice(a, 0, 0, 4, 1);
    nda_array *y = nda_slice(a, 0, 1, 5, 1);
    assert_int_equal(nda_add(x, y, y), NDA_EOVERLAP);
    assert_int_equal(nda_add(x, x, x), NDA_OK); /* identical operands are allowed */
    assert_int_equal(added(), 1);
}

static void vc001_readonly_and_const(void **state)
{
    (void)state;
    nda_array *m = nda_zeros(NDA_FLOAT64, 2, (ptrdiff_t[]){3, 3});
    nda_array *d = nda_diagonal(m);
    nda_set1(d, 0, 1.0);
    double *p = nda_data(m);
    nda_set_writeable(m, false);
    NDA_STORE(p, 0, 1.0); /* taken before: keeps its own flag, as views made before */
    assert_int_equal(added(), 1);
}

static void helper_writes_const(const nda_array *q)
{
    NDA_CONST_PARAM(q);
    nda_set1((nda_array *)q, 0, 3.0);
}

static void vc001_const_parameter_in_its_frame_only(void **state)
{
    (void)state;
    nda_array *a = nda_arange(4);
    NDA_CALL_ENTER();
    helper_writes_const(a);
    NDA_CALL_LEAVE();
    nda_set1(a, 0, 4.0); /* the caller's own handle: not const */
    assert_int_equal(added(), 1);
}

static void loop_carried_base_read_does_not_count(void **state)
{
    (void)state;
    nda_array *a = nda_arange(4);
    nda_array *v = nda_view(a);
    NDA_LOOP_BEGIN();
    for (int i = 0; i < 3; i++) {
        NDA_LOOP_ITERATION();
        (void)nda_get1(a, 0);
        nda_set1(v, 0, (double)i);
    }
    NDA_LOOP_END();
    assert_int_equal(added(), 0);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test_setup(vc004_seed_scenario, setup),
        cmocka_unit_test_setup(view_finished_before_base_read, setup),
        cmocka_unit_test_setup(vc003_stale_view, setup),
        cmocka_unit_test_setup(write_outside_view_is_not_stale, setup),
        cmocka_unit_test_setup(vc007_poisoned_not_freed, setup),
        cmocka_unit_test_setup(retained_release_is_balanced, setup),
        cmocka_unit_test_setup(vc006_resize_with_view, setup),
        cmocka_unit_test_setup(vc007_raw_pointer_after_resize, setup),
        cmocka_unit_test_setup(vc002_partial_overlap, setup),
        cmocka_unit_test_setup(vc001_readonly_and_const, setup),
        cmocka_unit_test_setup(vc001_const_parameter_in_its_frame_only, setup),
        cmocka_unit_test_setup(loop_carried_base_read_does_not_count, setup),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
