/* Overflow-checked arithmetic: huge shapes, strides and steps fail with NDA_EOVERFLOW (NumPy:
 * "array is too big") instead of wrapping, crashing or allocating. Nothing here may reach malloc
 * with a huge size: under AddressSanitizer that would abort. */
#include "support.h"

static const ptrdiff_t big = (ptrdiff_t)1 << 62;

#define EXPECT_OVERFLOW(call, fn)                                                                  \
    do {                                                                                           \
        support_capture_begin();                                                                   \
        assert_null(call);                                                                         \
        assert_failure(NDA_EOVERFLOW, fn);                                                         \
        support_capture_end();                                                                     \
    } while (0)

static void test_creation_element_count(void **state)
{
    (void)state;
    EXPECT_OVERFLOW(nda_empty(NDA_FLOAT64, 2, ((const ptrdiff_t[]){PTRDIFF_MAX / 2 + 1, 3})),
                    "nda_empty");
    EXPECT_OVERFLOW(nda_full(NDA_INT32, 3, ((const ptrdiff_t[]){1 << 30, 1 << 30, 1 << 30}), 1),
                    "nda_full");
    EXPECT_OVERFLOW(nda_zeros(NDA_UINT8, 2, ((const ptrdiff_t[]){big, 4})), "nda_zeros");
}

static void test_creation_byte_count(void **state)
{
    (void)state;
    EXPECT_OVERFLOW(nda_zeros(NDA_FLOAT64, 1, ((const ptrdiff_t[]){PTRDIFF_MAX / 8 + 1})),
                    "nda_zeros");
    EXPECT_OVERFLOW(nda_empty(NDA_INT32, 2, ((const ptrdiff_t[]){big, 2})), "nda_empty");
    EXPECT_OVERFLOW(nda_arange(PTRDIFF_MAX), "nda_arange");
    EXPECT_OVERFLOW(nda_arange(PTRDIFF_MAX / 8 + 1), "nda_arange");
    const double one = 1;
    EXPECT_OVERFLOW(nda_from_values(NDA_FLOAT64, 1, ((const ptrdiff_t[]){PTRDIFF_MAX / 4}), &one),
                    "nda_from_values");
}

static void test_zero_size_with_huge_axes(void **state)
{
    (void)state;
    /* NumPy multiplies the non-zero lengths and the item size: these are "too big" too. */
    EXPECT_OVERFLOW(nda_zeros(NDA_FLOAT64, 3, ((const ptrdiff_t[]){0, big, big})), "nda_zeros");
    EXPECT_OVERFLOW(nda_empty(NDA_FLOAT64, 2, ((const ptrdiff_t[]){0, (ptrdiff_t)1 << 60})),
                    "nda_empty");
    nda_array *ok = nda_empty(NDA_UINT8, 2, ((const ptrdiff_t[]){0, PTRDIFF_MAX}));
    assert_non_null(ok);
    assert_int_equal(nda_size(ok), 0);
    nda_release(ok);
}

static void test_wrap(void **state)
{
    (void)state;
    double buf[4] = {0};
    EXPECT_OVERFLOW(nda_wrap(buf, NDA_FLOAT64, 1, ((const ptrdiff_t[]){3}),
                             ((const ptrdiff_t[]){PTRDIFF_MAX / 2})),
                    "nda_wrap");
    EXPECT_OVERFLOW(nda_wrap(buf, NDA_FLOAT64, 2, ((const ptrdiff_t[]){big, 4}), NULL), "nda_wrap");
}

static void test_views(void **state)
{
    (void)state;
    nda_array *a = nda_arange(4);
    EXPECT_OVERFLOW(nda_broadcast_to(a, 2, ((const ptrdiff_t[]){big, 4})), "nda_broadcast_to");
    nda_array *one = nda_arange(1); /* 2^62 elements fit, 2^65 bytes do not */
    EXPECT_OVERFLOW(nda_broadcast_to(one, 2, ((const ptrdiff_t[]){big / 2, 2})),
                    "nda_broadcast_to");
    nda_release(one);
    EXPECT_OVERFLOW(
        nda_as_strided(a, 1, ((const ptrdiff_t[]){3}), ((const ptrdiff_t[]){PTRDIFF_MAX / 2})),
        "nda_as_strided");
    EXPECT_OVERFLOW(
        nda_as_strided(a, 2, ((const ptrdiff_t[]){0, 3}), ((const ptrdiff_t[]){8, PTRDIFF_MAX})),
        "nda_as_strided");
    EXPECT_OVERFLOW(nda_slice(a, 0, 0, NDA_END, PTRDIFF_MAX), "nda_slice");
    EXPECT_OVERFLOW(nda_slice(a, 0, NDA_END, NDA_END, -PTRDIFF_MAX), "nda_slice");
    nda_array *odd = nda_as_strided(a, 2, ((const ptrdiff_t[]){1, 1}),
                                    ((const ptrdiff_t[]){PTRDIFF_MAX, PTRDIFF_MAX}));
    assert_non_null(odd); /* length-1 axes never step: any stride is in bounds */
    EXPECT_OVERFLOW(nda_diagonal(odd), "nda_diagonal");
    nda_release(odd);
    assert_values(a, 0, 1, 2, 3);
    nda_release(a);
}

static void test_reshape(void **state)
{
    (void)state;
    nda_array *a = nda_arange(12);
    EXPECT_OVERFLOW(nda_reshape(a, 2, ((const ptrdiff_t[]){PTRDIFF_MAX, 4})), "nda_reshape");
    EXPECT_OVERFLOW(nda_reshape(a, 3, ((const ptrdiff_t[]){-1, big, big})), "nda_reshape");
    nda_array *e = nda_arange(0);
    EXPECT_OVERFLOW(nda_reshape(e, 3, ((const ptrdiff_t[]){0, big, big})), "nda_reshape");
    nda_release(e);
    assert_values(a, 0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11);
    nda_release(a);
}

static void test_resize(void **state)
{
    (void)state;
    nda_array *a = nda_arange(3);
    const void *data = nda_cdata(a);
    support_capture_begin();
    assert_int_equal(nda_resize(a, PTRDIFF_MAX / 8 + 1), NDA_EOVERFLOW);
    assert_failure(NDA_EOVERFLOW, "nda_resize");
    support_capture_end();
    assert_ptr_equal(nda_cdata(a), data);
    assert_values(a, 0, 1, 2);
    nda_release(a);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_creation_element_count),
        cmocka_unit_test(test_creation_byte_count),
        cmocka_unit_test(test_zero_size_with_huge_axes),
        cmocka_unit_test(test_wrap),
        cmocka_unit_test(test_views),
        cmocka_unit_test(test_reshape),
        cmocka_unit_test(test_resize),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
