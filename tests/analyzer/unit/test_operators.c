/* Operator extraction: what each assignment, compound assignment, increment, dereference and
 * subscript becomes, including inside a macro (operators come from libclang's operator-kind API,
 * not from tokens). */
#include "lower_fixture.h"

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>

static vc_function *lowered(vc_unit **u, const char *body)
{
    *u = lower_source(body);
    assert_non_null(*u);
    assert_null((*u)->error);
    vc_function *f = find_function(*u, "fn");
    assert_non_null(f);
    return f;
}

static void store_and_load_through_subscript(void **state)
{
    (void)state;
    vc_unit *u;
    vc_function *f = lowered(&u, "void fn(double *p, double *q) { p[1] = q[2]; }\n");
    assert_int_equal(count_instrs(f, I_WRITE), 1);
    assert_int_equal(count_instrs(f, I_READ), 1);
    unit_free(u);
}

static void compound_assignment_reads_and_writes(void **state)
{
    (void)state;
    vc_unit *u;
    vc_function *f = lowered(&u, "void fn(double *p) { p[0] += 2.0; *p *= 3.0; }\n");
    assert_int_equal(count_instrs(f, I_WRITE), 2);
    assert_int_equal(count_instrs(f, I_READ), 2);
    unit_free(u);
}

static void increments(void **state)
{
    (void)state;
    vc_unit *u;
    vc_function *f = lowered(&u, "void fn(int *p) { p[0]++; --*p; p++; }\n");
    assert_int_equal(count_instrs(f, I_WRITE), 2); /* p++ moves the pointer, no access */
    assert_int_equal(count_instrs(f, I_READ), 2);
    unit_free(u);
}

static void comparisons_are_not_assignments(void **state)
{
    (void)state;
    vc_unit *u;
    vc_function *f =
        lowered(&u, "int fn(double *p, double *q) { return p[0] == q[0] && p != q; }\n");
    assert_int_equal(count_instrs(f, I_WRITE), 0);
    assert_int_equal(count_instrs(f, I_READ), 2);
    unit_free(u);
}

static void assignment_inside_macro(void **state)
{
    (void)state;
    vc_unit *u;
    vc_function *f = lowered(&u, "#define STORE(ptr, v) ((ptr)[0] = (v))\n"
                                 "#define LOAD(ptr) ((ptr)[1])\n"
                                 "void fn(double *p) { STORE(p, LOAD(p) + 1.0); }\n");
    assert_int_equal(count_instrs(f, I_WRITE), 1);
    assert_int_equal(count_instrs(f, I_READ), 1);
    unit_free(u);
}

static void pointer_copy_and_call_result(void **state)
{
    (void)state;
    vc_unit *u;
    vc_function *f = lowered(&u, "void fn(nda_array *a) { nda_array *b = a; nda_array *c ="
                                 " nda_copy(b); nda_release(c); (void)b; }\n");
    assert_int_equal(count_instrs(f, I_ASSIGN_COPY), 1); /* b = a */
    assert_int_equal(count_instrs(f, I_ASSIGN_MOVE), 1); /* c takes the call's result */
    const vc_instr *copy = find_call(f, "nda_copy");
    assert_non_null(copy);
    assert_int_equal(copy->nargs, 1);
    assert_int_equal(copy->args[0].kind, OP_PLACE);
    assert_string_equal(f->places[copy->args[0].place].name, "b");
    unit_free(u);
}

static void constant_arguments_fold(void **state)
{
    (void)state;
    vc_unit *u;
    vc_function *f = lowered(&u, "enum { START = 2 };\n"
                                 "void fn(nda_array *a) { const int n = 8;"
                                 " nda_release(nda_slice(a, 0, START, n - 1, 2)); }\n");
    const vc_instr *s = find_call(f, "nda_slice");
    assert_non_null(s);
    assert_int_equal(s->nargs, 5);
    assert_true(s->args[2].has_value);
    assert_int_equal(s->args[2].value, 2);
    assert_true(s->args[3].has_value);
    assert_int_equal(s->args[3].value, 7);
    assert_int_equal(s->args[4].value, 2);
    unit_free(u);
}

static void annotations_become_models(void **state)
{
    (void)state;
    vc_unit *u;
    lowered(&u, "void fn(nda_array *a) { nda_set1(a, 0, 1.0); nda_release(nda_row(a, 0)); }\n");
    vc_model *set1 = model_set_get(u->declared, "nda_set1");
    assert_non_null(set1);
    assert_true(model_has(set1, FX_WRITES));
    assert_int_equal(set1->effects[0].args[0].param, 0);
    vc_model *row = model_set_get(u->declared, "nda_row");
    assert_non_null(row);
    assert_true(model_has(row, FX_RETURNS_VIEW));
    assert_true(model_has(row, FX_REGION_INDEX));
    unit_free(u);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(store_and_load_through_subscript),
        cmocka_unit_test(compound_assignment_reads_and_writes),
        cmocka_unit_test(increments),
        cmocka_unit_test(comparisons_are_not_assignments),
        cmocka_unit_test(assignment_inside_macro),
        cmocka_unit_test(pointer_copy_and_call_result),
        cmocka_unit_test(constant_arguments_fold),
        cmocka_unit_test(annotations_become_models),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
