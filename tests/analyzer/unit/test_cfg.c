/* The CFG builder: blocks and edges for if/else, loops, switch, break/continue/goto/return,
 * &&, || and ?:, checked through where calls land and which blocks reach which. */
#include "lower_fixture.h"

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>

static vc_function *lowered(vc_unit **u, const char *src, const char *fn)
{
    *u = lower_source(src);
    assert_non_null(*u);
    assert_null((*u)->error);
    vc_function *f = find_function(*u, fn);
    assert_non_null(f);
    assert_true(f->has_body);
    return f;
}

static void if_else_joins(void **state)
{
    (void)state;
    vc_unit *u;
    vc_function *f = lowered(&u,
                             "void g(void); void h(void); void k(void);\n"
                             "void fn(int c) { if (c) g(); else h(); k(); }\n",
                             "fn");
    int g = block_of_call(f, "g"), h = block_of_call(f, "h"), k = block_of_call(f, "k");
    assert_true(g != h && h != k && g != k);
    assert_false(reaches(f, g, h));
    assert_false(reaches(f, h, g));
    assert_true(reaches(f, g, k) && reaches(f, h, k));
    assert_int_equal(f->nback, 0);
    unit_free(u);
}

static void while_loop_has_one_back_edge(void **state)
{
    (void)state;
    vc_unit *u;
    vc_function *f = lowered(&u,
                             "void g(void); void k(void);\n"
                             "void fn(int n) { while (n--) g(); k(); }\n",
                             "fn");
    int g = block_of_call(f, "g"), k = block_of_call(f, "k");
    assert_int_equal(f->nback, 1);
    assert_true(reaches(f, g, g));
    assert_false(reaches(f, k, g));
    assert_true(cfg_loop_contains(f, 0, g));
    assert_false(cfg_loop_contains(f, 0, k));
    unit_free(u);
}

static void for_with_missing_parts(void **state)
{
    (void)state;
    vc_unit *u;
    /* only a condition and an increment: the init is absent */
    vc_function *f = lowered(&u,
                             "int cond(void); void inc(void); void body(void); void after(void);\n"
                             "void fn(void) { for (; cond(); inc()) body(); after(); }\n",
                             "fn");
    int c = block_of_call(f, "cond"), i = block_of_call(f, "inc"), b = block_of_call(f, "body"),
        a = block_of_call(f, "after");
    assert_true(c >= 0 && i >= 0 && b >= 0 && a >= 0);
    assert_true(reaches(f, b, i)); /* body then increment */
    assert_true(reaches(f, i, c)); /* increment back to the condition */
    assert_true(reaches(f, c, a)); /* the condition exits */
    assert_false(reaches(f, a, b));
    assert_int_not_equal(c, i);
    unit_free(u);
}

static void for_without_condition_only_exits_by_break(void **state)
{
    (void)state;
    vc_unit *u;
    vc_function *f = lowered(&u,
                             "int done(void); void body(void); void after(void);\n"
                             "void fn(void) { for (;;) { if (done()) break; body(); } after(); }\n",
                             "fn");
    int d = block_of_call(f, "done"), b = block_of_call(f, "body"), a = block_of_call(f, "after");
    assert_true(reaches(f, d, a));
    assert_true(reaches(f, b, d));
    assert_int_equal(f->nback, 1);
    unit_free(u);
}

static void continue_skips_rest_of_body(void **state)
{
    (void)state;
    vc_unit *u;
    vc_function *f = lowered(&u,
                             "int skip(void); void rest(void); void after(void);\n"
                             "void fn(int n) { for (int i = 0; i < n; i++) { if (skip()) continue;"
                             " rest(); } after(); }\n",
                             "fn");
    int s = block_of_call(f, "skip"), r = block_of_call(f, "rest");
    assert_true(reaches(f, s, r));
    assert_true(reaches(f, r, s));
    unit_free(u);
}

static void switch_cases_fall_through(void **state)
{
    (void)state;
    vc_unit *u;
    vc_function *f = lowered(&u,
                             "void one(void); void two(void); void other(void); void after(void);\n"
                             "void fn(int c) { switch (c) { case 1: one(); case 2: two(); break;"
                             " default: other(); } after(); }\n",
                             "fn");
    int one = block_of_call(f, "one"), two = block_of_call(f, "two"),
        other = block_of_call(f, "other"), after = block_of_call(f, "after");
    assert_true(reaches(f, one, two)); /* fallthrough */
    assert_false(reaches(f, two, other));
    assert_true(reaches(f, two, after) && reaches(f, other, after));
    unit_free(u);
}

static void return_and_goto(void **state)
{
    (void)state;
    vc_unit *u;
    vc_function *f =
        lowered(&u,
                "int bad(void); void work(void); void cleanup(void); void never(void);\n"
                "int fn(void) { if (bad()) goto out; work(); return 1; never();\n"
                " out: cleanup(); return 0; }\n",
                "fn");
    int w = block_of_call(f, "work"), c = block_of_call(f, "cleanup"), b = block_of_call(f, "bad");
    assert_true(reaches(f, b, c));
    assert_false(reaches(f, w, c)); /* work() returns before the label */
    assert_true(reaches(f, w, f->exit));
    int order[256];
    int n = cfg_reverse_postorder(f, order);
    int never = block_of_call(f, "never");
    for (int i = 0; i < n; i++)
        assert_int_not_equal(order[i], never); /* unreachable code is not visited */
    unit_free(u);
}

static void short_circuit_and_conditional(void **state)
{
    (void)state;
    vc_unit *u;
    vc_function *f =
        lowered(&u,
                "int a(void); int b(void); int x(void); int y(void); void z(void);\n"
                "void fn(void) { if (a() && b()) z(); int v = a() ? x() : y(); (void)v;"
                " }\n",
                "fn");
    int bb = block_of_call(f, "b"), z = block_of_call(f, "z");
    int aa = block_of_call(f, "a");
    assert_int_not_equal(aa, bb); /* b() runs on some paths only */
    assert_true(reaches(f, aa, z));
    int x = block_of_call(f, "x"), yb = block_of_call(f, "y");
    assert_int_not_equal(x, yb);
    assert_false(reaches(f, x, yb));
    unit_free(u);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(if_else_joins),
        cmocka_unit_test(while_loop_has_one_back_edge),
        cmocka_unit_test(for_with_missing_parts),
        cmocka_unit_test(for_without_condition_only_exits_by_break),
        cmocka_unit_test(continue_skips_rest_of_body),
        cmocka_unit_test(switch_cases_fall_through),
        cmocka_unit_test(return_and_goto),
        cmocka_unit_test(short_circuit_and_conditional),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
