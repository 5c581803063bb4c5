/* nda_shares_memory / nda_may_share_memory against NumPy's answers: a generated table of random
 * layouts over one buffer (every max_work, TooHardError included) and NumPy's own API test. */
#include "support.h"
#include "overlap_table.h"

static union {
    unsigned char bytes[OVERLAP_BUFFER];
    double align;
} buffer;

static nda_array *wrap(const overlap_layout *l)
{
    nda_array *a = nda_wrap(buffer.bytes + l->offset, l->dtype, l->ndim, l->shape, l->strides);
    assert_non_null(a);
    return a;
}

static void test_numpy_table(void **state)
{
    (void)state;
    size_t n = sizeof overlap_cases / sizeof overlap_cases[0];
    for (size_t i = 0; i < n; i++) {
        const overlap_case *c = &overlap_cases[i];
        nda_array *a = wrap(&c->a), *b = wrap(&c->b);
        if (nda_may_share_memory(a, b) != (c->may_share != 0)) {
            print_error("case %zu: nda_may_share_memory disagrees with NumPy\n", i);
            fail();
        }
        for (int w = 0; w < OVERLAP_NWORK; w++) {
            nda_overlap got = nda_shares_memory(a, b, overlap_max_work[w]);
            if ((int)got != c->shares[w]) {
                print_error("case %zu, max_work %td: got %d, NumPy %d\n", i, overlap_max_work[w],
                            (int)got, c->shares[w]);
                fail();
            }
        }
        assert_int_equal(nda_shares_memory(b, a, -1), c->shares[0]);
        nda_release(b);
        nda_release(a);
    }
}

/* numpy/core/tests/test_mem_overlap.py, test_shares_memory_api */
static void test_numpy_api_example(void **state)
{
    (void)state;
    const ptrdiff_t shape[3] = {4, 5, 6};
    nda_array *x = nda_zeros(NDA_UINT8, 3, shape);
    nda_array *x1 = nda_slice(x, 1, 0, NDA_END, 2), *a = nda_slice(x1, 2, 0, NDA_END, 3);
    nda_array *x2 = nda_slice(x, 1, 0, NDA_END, 3), *b = nda_slice(x2, 2, 0, NDA_END, 2);
    nda_array *c = nda_copy(x);
    assert_int_equal(nda_shares_memory(x, x, -1), NDA_OVERLAP_YES);
    assert_int_equal(nda_shares_memory(x, c, -1), NDA_OVERLAP_NO);
    assert_int_equal(nda_shares_memory(a, b, -1), NDA_OVERLAP_YES);
    assert_int_equal(nda_shares_memory(a, b, 0), NDA_OVERLAP_TOO_HARD);
    assert_int_equal(nda_shares_memory(a, b, 1), NDA_OVERLAP_TOO_HARD);
    assert_int_equal(nda_shares_memory(a, b, 2), NDA_OVERLAP_TOO_HARD);
    assert_int_equal(nda_shares_memory(a, b, 3), NDA_OVERLAP_YES);
    nda_release(c);
    nda_release(b);
    nda_release(x2);
    nda_release(a);
    nda_release(x1);
    nda_release(x);
}

static void test_too_hard_when_no_work_allowed(void **state)
{
    (void)state;
    nda_array *a = nda_arange(8);
    nda_array *even = nda_slice(a, 0, 0, NDA_END, 2), *odd = nda_slice(a, 0, 1, NDA_END, 2);
    nda_array *lo = nda_slice(a, 0, 0, 4, 1), *hi = nda_slice(a, 0, 4, 8, 1);
    assert_int_equal(nda_shares_memory(even, odd, -1), NDA_OVERLAP_NO);
    assert_int_equal(nda_shares_memory(even, odd, 0), NDA_OVERLAP_TOO_HARD);
    assert_int_equal(nda_shares_memory(a, a, 0), NDA_OVERLAP_TOO_HARD);
    assert_int_equal(nda_shares_memory(lo, hi, 0), NDA_OVERLAP_NO); /* disjoint extents */
    assert_int_equal(nda_last_status(), NDA_OK);                    /* TOO_HARD is no error */
    assert_true(nda_may_share_memory(even, odd));
    assert_false(nda_may_share_memory(lo, hi));
    nda_release(hi);
    nda_release(lo);
    nda_release(odd);
    nda_release(even);
    nda_release(a);
}

static void test_empty_and_unit(void **state)
{
    (void)state;
    nda_array *a = nda_arange(6);
    nda_array *e = nda_slice(a, 0, 2, 2, 1);
    assert_int_equal(nda_shares_memory(a, e, -1), NDA_OVERLAP_NO);
    assert_int_equal(nda_shares_memory(e, e, 0), NDA_OVERLAP_NO);
    assert_false(nda_may_share_memory(a, e));
    nda_array *one = nda_zeros(NDA_UINT8, 1, ((const ptrdiff_t[]){1}));
    nda_array *copy = nda_copy(one);
    assert_int_equal(nda_shares_memory(one, one, -1), NDA_OVERLAP_YES);
    assert_int_equal(nda_shares_memory(one, copy, -1), NDA_OVERLAP_NO);
    nda_array *s = nda_index(a, 0, 3);
    nda_array *w = nda_as_strided(a, 2, ((const ptrdiff_t[]){2, 2}), ((const ptrdiff_t[]){24, 0}));
    assert_int_equal(nda_shares_memory(s, w, -1), NDA_OVERLAP_YES); /* w holds a[0], a[3] */
    nda_array *s2 = nda_index(a, 0, 2);
    assert_int_equal(nda_shares_memory(s2, w, -1), NDA_OVERLAP_NO);
    assert_true(nda_may_share_memory(s2, w));
    nda_release(s2);
    nda_release(w);
    nda_release(s);
    nda_release(copy);
    nda_release(one);
    nda_release(e);
    nda_release(a);
}

static void test_itemsize_counts(void **state)
{
    (void)state;
    /* A uint8 view of bytes 0, 5, 10, 15 and int32 views of bytes 1..4 and 2..5: the bytes
     * inside an element count. */
    nda_array *bytes =
        nda_wrap(buffer.bytes, NDA_UINT8, 1, ((const ptrdiff_t[]){4}), ((const ptrdiff_t[]){5}));
    nda_array *word = nda_wrap(buffer.bytes + 2, NDA_INT32, 0, NULL, NULL);
    nda_array *word2 = nda_wrap(buffer.bytes + 1, NDA_INT32, 0, NULL, NULL);
    assert_int_equal(nda_shares_memory(bytes, word, -1), NDA_OVERLAP_YES); /* byte 5 */
    assert_int_equal(nda_shares_memory(bytes, word2, -1), NDA_OVERLAP_NO); /* between 0 and 5 */
    assert_true(nda_may_share_memory(bytes, word2));
    nda_release(word2);
    nda_release(word);
    nda_release(bytes);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_numpy_table),
        cmocka_unit_test(test_numpy_api_example),
        cmocka_unit_test(test_too_hard_when_no_work_allowed),
        cmocka_unit_test(test_empty_and_unit),
        cmocka_unit_test(test_itemsize_counts),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
