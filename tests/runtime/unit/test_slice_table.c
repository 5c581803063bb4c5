/* nda_slice against Python's list slicing over every combination of a table of lengths, bounds
 * (including PTRDIFF_MIN and NDA_END) and steps, on 1-D arrays and along axis 1 of 2-D arrays. */
#include "support.h"
#include "slice_table.h"

enum {
    NLEN = sizeof slice_lengths / sizeof slice_lengths[0],
    NBOUND = sizeof slice_bounds / sizeof slice_bounds[0],
    NSTEP = sizeof slice_steps / sizeof slice_steps[0]
};

static void check_1d(int li, int si, int ei, int ki)
{
    ptrdiff_t n = slice_lengths[li], step = slice_steps[ki];
    ptrdiff_t count = slice_expected[li][si][ei][ki][0], first = slice_expected[li][si][ei][ki][1];
    nda_array *a = support_iota(NDA_INT32, 1, &n);
    nda_array *s = nda_slice(a, 0, slice_bounds[si], slice_bounds[ei], step);
    if (!s || nda_size(s) != count) {
        print_error("len %td [%td:%td:%td]: got %td elements, expected %td\n", n, slice_bounds[si],
                    slice_bounds[ei], step, s ? nda_size(s) : -1, count);
        fail();
    }
    assert_ptr_equal(nda_base(s), a);
    /* NumPy: an empty slice keeps the axis' stride, and a fresh empty array has stride 0 */
    assert_int_equal(nda_strides(s)[0], count > 0 ? 4 * step : n > 0 ? 4 : 0);
    for (ptrdiff_t k = 0; k < count; k++)
        assert_double_equal(nda_get1(s, k), (double)(first + k * step));
    nda_release(s);
    nda_release(a);
}

static void test_slice_table_1d(void **state)
{
    (void)state;
    for (int li = 0; li < NLEN; li++)
        for (int si = 0; si < NBOUND; si++)
            for (int ei = 0; ei < NBOUND; ei++)
                for (int ki = 0; ki < NSTEP; ki++)
                    check_1d(li, si, ei, ki);
}

static void check_axis1(nda_array *a, int li, int si, int ei, int ki)
{
    ptrdiff_t step = slice_steps[ki];
    ptrdiff_t count = slice_expected[li][si][ei][ki][0], first = slice_expected[li][si][ei][ki][1];
    ptrdiff_t n = slice_lengths[li];
    nda_array *s = nda_slice(a, 1, slice_bounds[si], slice_bounds[ei], step);
    assert_non_null(s);
    assert_int_equal(nda_shape(s)[0], 3);
    assert_int_equal(nda_shape(s)[1], count);
    assert_int_equal(nda_strides(s)[0], 8 * n);
    assert_int_equal(nda_strides(s)[1], count > 0 ? 8 * step : n > 0 ? 8 : 0);
    for (ptrdiff_t i = 0; i < 3; i++)
        for (ptrdiff_t k = 0; k < count; k++)
            assert_double_equal(nda_get2(s, i, k), (double)(i * n + first + k * step));
    nda_release(s);
}

static void test_slice_table_axis1(void **state)
{
    (void)state;
    for (int li = 0; li < NLEN; li++) {
        const ptrdiff_t shape[2] = {3, slice_lengths[li]};
        nda_array *a = support_iota(NDA_FLOAT64, 2, shape);
        for (int si = 0; si < NBOUND; si++)
            for (int ei = 0; ei < NBOUND; ei++)
                for (int ki = 0; ki < NSTEP; ki++)
                    check_axis1(a, li, si, ei, ki);
        nda_release(a);
    }
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_slice_table_1d),
        cmocka_unit_test(test_slice_table_axis1),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
