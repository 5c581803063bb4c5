/* The seed scenario of nda-api.md, with exactly the assertions listed there. */
#include "support.h"

static void test_seed_scenario(void **state)
{
    (void)state;
    nda_array *a = nda_arange(6);
    nda_array *b = a;
    assert_ptr_equal(b, a); /* same object */
    b = nda_slice(a, 0, 0, 3, 1);
    assert_ptr_not_equal(b, a); /* a view */
    assert_ptr_equal(nda_base(b), a);
    assert_int_equal(nda_set1(b, 0, 100), NDA_OK);
    assert_values(a, 100, 1, 2, 3, 4, 5); /* a is now [100 1 2 3 4 5] */
    nda_array *c = nda_copy(a);
    assert_null(nda_base(c)); /* deep copy */
    assert_int_equal(nda_set1(c, 0, 0), NDA_OK);
    assert_values(a, 100, 1, 2, 3, 4, 5); /* a unchanged */
    assert_true(nda_may_share_memory(a, b));
    assert_false(nda_may_share_memory(a, c));
    assert_null(nda_base(a)); /* a is a base */
    assert_ptr_equal(nda_base(b), a);
    nda_release(c);
    nda_release(b);
    nda_release(a);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_seed_scenario),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
