/* Error reporting of every public function: the returned status / NULL / NaN, nda_last_status(),
 * nda_last_error() naming the function and the bad value, the error handler, and that failed
 * calls leave their arrays untouched. */
#include "support.h"

#include <math.h>
#include <string.h>

#define EXPECT(cond, status, fn)                                                                   \
    do {                                                                                           \
        assert_true(cond);                                                                         \
        assert_failure(status, fn);                                                                \
    } while (0)

static int handler_a_calls, handler_b_calls;
static nda_status handler_a_status;
static char handler_a_message[512];

static void handler_a(nda_status status, const char *msg)
{
    handler_a_calls++;
    handler_a_status = status;
    snprintf(handler_a_message, sizeof handler_a_message, "%s", msg);
}

static void handler_b(nda_status status, const char *msg)
{
    (void)status;
    (void)msg;
    handler_b_calls++;
}

static void test_handler_chain(void **state)
{
    (void)state;
    assert_null(nda_set_error_handler(handler_a)); /* default: none */
    assert_null(nda_arange(-5));
    assert_int_equal(handler_a_calls, 1);
    assert_int_equal(handler_a_status, NDA_EINVAL);
    assert_string_equal(handler_a_message, nda_last_error());
    assert_true(nda_set_error_handler(handler_b) == handler_a);
    assert_null(nda_arange(-5));
    assert_int_equal(handler_a_calls, 1);
    assert_int_equal(handler_b_calls, 1);
    assert_true(nda_set_error_handler(NULL) == handler_b);
    assert_null(nda_arange(-6)); /* no handler: the status is still recorded */
    assert_int_equal(nda_last_status(), NDA_EINVAL);
    assert_non_null(strstr(nda_last_error(), "-6"));
    assert_int_equal(handler_b_calls, 1);
    assert_null(nda_set_error_handler(NULL));
}

static void test_message_names_function_and_value(void **state)
{
    (void)state;
    nda_array *a = nda_zeros(NDA_FLOAT64, 2, ((const ptrdiff_t[]){2, 3}));
    support_capture_begin();
    EXPECT(nda_index(a, 1, 17) == NULL, NDA_EBOUNDS, "nda_index");
    assert_non_null(strstr(nda_last_error(), "17"));
    assert_null(nda_slice(a, 5, 0, 1, 1));
    assert_non_null(strstr(nda_last_error(), "5"));
    EXPECT(true, NDA_EINVAL, "nda_slice");
    EXPECT(nda_empty(NDA_INT32, 9, ((const ptrdiff_t[]){1, 1, 1, 1, 1, 1, 1, 1, 1})) == NULL,
           NDA_EINVAL, "nda_empty");
    assert_non_null(strstr(nda_last_error(), "9"));
    EXPECT(nda_zeros(NDA_INT32, 2, ((const ptrdiff_t[]){3, -4})) == NULL, NDA_EINVAL, "nda_zeros");
    assert_non_null(strstr(nda_last_error(), "-4"));
    EXPECT(isnan(nda_get2(a, 0, -9)), NDA_EBOUNDS, "nda_get2");
    assert_non_null(strstr(nda_last_error(), "-9"));
    support_capture_end();
    nda_release(a);
}

static void test_success_resets_status(void **state)
{
    (void)state;
    nda_array *a = nda_arange(3);
    assert_null(nda_slice(a, 0, 0, 1, 0));
    assert_int_equal(nda_last_status(), NDA_EINVAL);
    nda_array *s = nda_slice(a, 0, 0, 1, 1);
    assert_int_equal(nda_last_status(), NDA_OK);
    assert_nan(nda_get1(a, 3));
    assert_double_equal(nda_get1(a, 2), 2);
    assert_int_equal(nda_last_status(), NDA_OK);
    assert_int_equal(nda_set1(s, 1, 0), NDA_EBOUNDS);
    assert_int_equal(nda_fill(s, 4), NDA_OK);
    assert_int_equal(nda_last_status(), NDA_OK);
    nda_release(s);
    nda_release(a);
}

static void test_null_array_constructors(void **state)
{
    (void)state;
    const ptrdiff_t shape[1] = {1}, strides[1] = {8};
    support_capture_begin();
    EXPECT(nda_view(NULL) == NULL, NDA_EINVAL, "nda_view");
    EXPECT(nda_slice(NULL, 0, 0, 1, 1) == NULL, NDA_EINVAL, "nda_slice");
    EXPECT(nda_index(NULL, 0, 0) == NULL, NDA_EINVAL, "nda_index");
    EXPECT(nda_row(NULL, 0) == NULL, NDA_EINVAL, "nda_row");
    EXPECT(nda_col(NULL, 0) == NULL, NDA_EINVAL, "nda_col");
    EXPECT(nda_transpose(NULL) == NULL, NDA_EINVAL, "nda_transpose");
    EXPECT(nda_diagonal(NULL) == NULL, NDA_EINVAL, "nda_diagonal");
    EXPECT(nda_broadcast_to(NULL, 1, shape) == NULL, NDA_EINVAL, "nda_broadcast_to");
    EXPECT(nda_as_strided(NULL, 1, shape, strides) == NULL, NDA_EINVAL, "nda_as_strided");
    EXPECT(nda_reshape(NULL, 1, shape) == NULL, NDA_EINVAL, "nda_reshape");
    EXPECT(nda_ravel(NULL) == NULL, NDA_EINVAL, "nda_ravel");
    EXPECT(nda_ascontiguous(NULL) == NULL, NDA_EINVAL, "nda_ascontiguous");
    EXPECT(nda_copy(NULL) == NULL, NDA_EINVAL, "nda_copy");
    EXPECT(nda_flatten(NULL) == NULL, NDA_EINVAL, "nda_flatten");
    EXPECT(nda_astype(NULL, NDA_INT32) == NULL, NDA_EINVAL, "nda_astype");
    EXPECT(nda_retain(NULL) == NULL, NDA_EINVAL, "nda_retain");
    support_capture_end();
}

static void test_null_array_inspection(void **state)
{
    (void)state;
    support_capture_begin();
    EXPECT(nda_ndim(NULL) == -1, NDA_EINVAL, "nda_ndim");
    EXPECT(nda_shape(NULL) == NULL, NDA_EINVAL, "nda_shape");
    EXPECT(nda_strides(NULL) == NULL, NDA_EINVAL, "nda_strides");
    EXPECT(nda_size(NULL) == -1, NDA_EINVAL, "nda_size");
    EXPECT((int)nda_dtype_of(NULL) == -1, NDA_EINVAL, "nda_dtype_of");
    EXPECT(nda_data(NULL) == NULL, NDA_EINVAL, "nda_data");
    EXPECT(nda_cdata(NULL) == NULL, NDA_EINVAL, "nda_cdata");
    EXPECT(nda_base(NULL) == NULL, NDA_EINVAL, "nda_base");
    EXPECT(!nda_owns_data(NULL), NDA_EINVAL, "nda_owns_data");
    EXPECT(!nda_is_writeable(NULL), NDA_EINVAL, "nda_is_writeable");
    EXPECT(!nda_is_c_contiguous(NULL), NDA_EINVAL, "nda_is_c_contiguous");
    EXPECT(nda_set_writeable(NULL, true) == NDA_EINVAL, NDA_EINVAL, "nda_set_writeable");
    EXPECT(nda_print(stdout, NULL) == -1, NDA_EINVAL, "nda_print");
    EXPECT(!nda_may_share_memory(NULL, NULL), NDA_EINVAL, "nda_may_share_memory");
    EXPECT(nda_shares_memory(NULL, NULL, -1) == NDA_OVERLAP_TOO_HARD, NDA_EINVAL,
           "nda_shares_memory");
    EXPECT(nda_itemsize((nda_dtype)99) == 0, NDA_EINVAL, "nda_itemsize");
    support_capture_end();
}

static void test_null_array_access_and_kernels(void **state)
{
    (void)state;
    nda_array *a = nda_arange(3);
    support_snapshot snap;
    support_take(&snap, a);
    const ptrdiff_t idx[1] = {0};
    support_capture_begin();
    EXPECT(isnan(nda_get(NULL, idx)), NDA_EINVAL, "nda_get");
    EXPECT(isnan(nda_get1(NULL, 0)), NDA_EINVAL, "nda_get1");
    EXPECT(isnan(nda_get2(NULL, 0, 0)), NDA_EINVAL, "nda_get2");
    EXPECT(nda_set(NULL, idx, 1) == NDA_EINVAL, NDA_EINVAL, "nda_set");
    EXPECT(nda_set1(NULL, 0, 1) == NDA_EINVAL, NDA_EINVAL, "nda_set1");
    EXPECT(nda_set2(NULL, 0, 0, 1) == NDA_EINVAL, NDA_EINVAL, "nda_set2");
    EXPECT(nda_fill(NULL, 1) == NDA_EINVAL, NDA_EINVAL, "nda_fill");
    EXPECT(nda_scale(NULL, 1) == NDA_EINVAL, NDA_EINVAL, "nda_scale");
    EXPECT(nda_copyto(a, NULL) == NDA_EINVAL, NDA_EINVAL, "nda_copyto");
    EXPECT(nda_copyto(NULL, a) == NDA_EINVAL, NDA_EINVAL, "nda_copyto");
    EXPECT(nda_add(a, a, NULL) == NDA_EINVAL, NDA_EINVAL, "nda_add");
    EXPECT(nda_sub(a, NULL, a) == NDA_EINVAL, NDA_EINVAL, "nda_sub");
    EXPECT(nda_mul(NULL, a, a) == NDA_EINVAL, NDA_EINVAL, "nda_mul");
    EXPECT(nda_div(a, a, NULL) == NDA_EINVAL, NDA_EINVAL, "nda_div");
    EXPECT(nda_axpy(a, 1, NULL) == NDA_EINVAL, NDA_EINVAL, "nda_axpy");
    EXPECT(nda_axpy(NULL, 1, a) == NDA_EINVAL, NDA_EINVAL, "nda_axpy");
    EXPECT(isnan(nda_sum(NULL)), NDA_EINVAL, "nda_sum");
    EXPECT(isnan(nda_dot(a, NULL)), NDA_EINVAL, "nda_dot");
    EXPECT(!nda_may_share_memory(a, NULL), NDA_EINVAL, "nda_may_share_memory");
    EXPECT(nda_shares_memory(NULL, a, 0) == NDA_OVERLAP_TOO_HARD, NDA_EINVAL, "nda_shares_memory");
    EXPECT(nda_resize(NULL, 1) == NDA_EINVAL, NDA_EINVAL, "nda_resize");
    EXPECT(nda_print(NULL, a) == -1, NDA_EINVAL, "nda_print");
    support_capture_end();
    assert_unchanged(&snap);
    nda_release(a);
}

static void test_bad_dtype(void **state)
{
    (void)state;
    const nda_dtype bad = (nda_dtype)99;
    const ptrdiff_t n = 2;
    double buf[2] = {1, 2};
    nda_array *a = nda_wrap(buf, NDA_FLOAT64, 1, &n, NULL);
    support_capture_begin();
    EXPECT(nda_empty(bad, 1, &n) == NULL, NDA_EINVAL, "nda_empty");
    EXPECT(nda_zeros(bad, 1, &n) == NULL, NDA_EINVAL, "nda_zeros");
    EXPECT(nda_full(bad, 1, &n, 1) == NULL, NDA_EINVAL, "nda_full");
    EXPECT(nda_from_values(bad, 1, &n, buf) == NULL, NDA_EINVAL, "nda_from_values");
    EXPECT(nda_wrap(buf, bad, 1, &n, NULL) == NULL, NDA_EINVAL, "nda_wrap");
    EXPECT(nda_astype(a, bad) == NULL, NDA_EINVAL, "nda_astype");
    EXPECT(nda_astype(a, (nda_dtype)-1) == NULL, NDA_EINVAL, "nda_astype");
    support_capture_end();
    nda_release(a);
    assert_double_equal(buf[0], 1);
}

static void test_bad_shapes(void **state)
{
    (void)state;
    const ptrdiff_t nine[9] = {1, 1, 1, 1, 1, 1, 1, 1, 1}, neg[2] = {2, -1};
    double buf[4] = {0};
    nda_array *a = nda_arange(4);
    support_capture_begin();
    EXPECT(nda_empty(NDA_FLOAT64, 9, nine) == NULL, NDA_EINVAL, "nda_empty");
    EXPECT(nda_zeros(NDA_FLOAT64, -1, nine) == NULL, NDA_EINVAL, "nda_zeros");
    EXPECT(nda_full(NDA_FLOAT64, 2, neg, 0) == NULL, NDA_EINVAL, "nda_full");
    EXPECT(nda_full(NDA_FLOAT64, 2, NULL, 0) == NULL, NDA_EINVAL, "nda_full");
    EXPECT(nda_from_values(NDA_FLOAT64, 2, neg, buf) == NULL, NDA_EINVAL, "nda_from_values");
    EXPECT(nda_from_values(NDA_FLOAT64, 1, ((const ptrdiff_t[]){2}), NULL) == NULL, NDA_EINVAL,
           "nda_from_values");
    EXPECT(nda_wrap(buf, NDA_FLOAT64, 9, nine, NULL) == NULL, NDA_EINVAL, "nda_wrap");
    EXPECT(nda_wrap(NULL, NDA_FLOAT64, 1, ((const ptrdiff_t[]){2}), NULL) == NULL, NDA_EINVAL,
           "nda_wrap");
    EXPECT(nda_arange(-1) == NULL, NDA_EINVAL, "nda_arange");
    EXPECT(nda_broadcast_to(a, 9, nine) == NULL, NDA_EINVAL, "nda_broadcast_to");
    EXPECT(nda_broadcast_to(a, 2, neg) == NULL, NDA_EINVAL, "nda_broadcast_to");
    EXPECT(nda_as_strided(a, 9, nine, nine) == NULL, NDA_EINVAL, "nda_as_strided");
    EXPECT(nda_as_strided(a, 1, ((const ptrdiff_t[]){2}), NULL) == NULL, NDA_EINVAL,
           "nda_as_strided");
    EXPECT(nda_as_strided(a, 2, neg, ((const ptrdiff_t[]){8, 8})) == NULL, NDA_EINVAL,
           "nda_as_strided");
    EXPECT(nda_reshape(a, 9, nine) == NULL, NDA_EINVAL, "nda_reshape");
    EXPECT(nda_reshape(a, 1, NULL) == NULL, NDA_EINVAL, "nda_reshape");
    support_capture_end();
    assert_values(a, 0, 1, 2, 3);
    nda_release(a);
}

static void test_status_names(void **state)
{
    (void)state;
    const char *names[] = {"NDA_OK",       "NDA_ENOMEM",      "NDA_EINVAL",
                           "NDA_EBOUNDS",  "NDA_ESHAPE",      "NDA_EREADONLY",
                           "NDA_EOVERLAP", "NDA_EREFERENCED", "NDA_EOVERFLOW"};
    for (int s = 0; s <= NDA_EOVERFLOW; s++)
        assert_string_equal(nda_status_name((nda_status)s), names[s]);
    assert_string_equal(nda_status_name((nda_status)42), "NDA_UNKNOWN");
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_handler_chain),
        cmocka_unit_test(test_message_names_function_and_value),
        cmocka_unit_test(test_success_resets_status),
        cmocka_unit_test(test_null_array_constructors),
        cmocka_unit_test(test_null_array_inspection),
        cmocka_unit_test(test_null_array_access_and_kernels),
        cmocka_unit_test(test_bad_dtype),
        cmocka_unit_test(test_bad_shapes),
        cmocka_unit_test(test_status_names),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
