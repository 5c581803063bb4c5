/* The dataflow's join and kill on hand-built IR: reassignment kills aliases, joins of paths make
 * "may" facts, released-on-one-path is a may-use-after-release. */
#include "analysis.h"
#include "rules.h"
#include "util.h"

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include <cmocka.h>

typedef struct {
    vc_unit *u;
    vc_function *f;
    unsigned line;
} builder;

static void declare(builder *b, const char *name, int nparams, const char *const *effects)
{
    int i = unit_function(b->u, name, name);
    vc_function *f = b->u->functions[i];
    f->nparams = nparams;
    f->param_names = xcalloc((size_t)nparams + 1, sizeof *f->param_names);
    for (int p = 0; p < nparams; p++)
        f->param_names[p] = xasprintf("p%d", p);
    vc_model *m = model_set_add(b->u->declared, name, "test");
    for (int e = 0; effects[e]; e++) {
        vc_effect fx;
        const char *why;
        assert_true(model_parse_effect(effects[e], &fx, &why));
        model_add_effect(m, fx);
    }
    const char *bad;
    assert_true(model_resolve(m, f->param_names, nparams, &bad));
}

static builder start(void)
{
    builder b = {unit_new("test.c"), NULL, 1};
    unit_file(b.u, "test.c");
    static const char *const mk[] = {"returns_fresh", NULL};
    static const char *const view[] = {"returns_view(p0)", "region_slice(p0, 0, 0, 3, 1)", NULL};
    static const char *const set[] = {"writes(p0)", NULL};
    static const char *const get[] = {"reads(p0)", NULL};
    static const char *const rel[] = {"releases(p0)", NULL};
    declare(&b, "mk", 0, mk);
    declare(&b, "view", 1, view);
    declare(&b, "set", 1, set);
    declare(&b, "get", 1, get);
    declare(&b, "rel", 1, rel);
    int fi = unit_function(b.u, "fn", "fn");
    b.f = b.u->functions[fi];
    b.f->has_body = true;
    return b;
}

static int local(builder *b, const char *name)
{
    vc_place p = {0};
    p.name = xstrdup(name);
    p.key = xstrdup(name);
    p.kind = PLACE_LOCAL;
    p.base = p.param_index = -1;
    p.is_pointer = true;
    return ir_place_add(b->f, p);
}

/* Emits `dst = callee(arg)` (dst or arg may be -1) on its own line; returns that line. */
static unsigned call(builder *b, int block, const char *callee, int dst, int arg)
{
    vc_instr in = {.kind = I_CALL, .dst = dst, .src = -1};
    in.loc = (vc_loc){0, b->line, 5};
    in.stmt = b->line;
    in.callee = strmap_get(&b->u->function_index, callee);
    in.callee_name = xstrdup(callee);
    in.nargs = arg >= 0;
    in.args = xcalloc(1, sizeof *in.args);
    in.args[0] = (vc_operand){.kind = OP_PLACE, .place = arg};
    ir_emit(b->f, block, in);
    return b->line++;
}

static vc_findings run(builder *b)
{
    cfg_analyze_loops(b->f);
    vc_config cfg = {.rules = vc_all_rules, .nrules = vc_nrules};
    vc_findings out = {0};
    analyze_unit(b->u, &cfg, &out);
    return out;
}

static const vc_finding *only(const vc_findings *fs, const char *rule)
{
    const vc_finding *found = NULL;
    for (int i = 0; i < fs->n; i++) {
        if (strcmp(fs->items[i].rule, rule) == 0) {
            assert_null(found);
            found = &fs->items[i];
        }
    }
    return found;
}

static void straight_line_view_write(void **state)
{
    (void)state;
    builder b = start();
    int a = local(&b, "a"), v = local(&b, "v"), blk = ir_block_new(b.f);
    ir_block_edge(b.f, b.f->entry, blk);
    ir_block_edge(b.f, blk, b.f->exit);
    call(&b, blk, "mk", a, -1);
    call(&b, blk, "view", v, a);
    unsigned write = call(&b, blk, "set", -1, v);
    call(&b, blk, "get", -1, a);
    call(&b, blk, "get", -1, v);
    vc_findings fs = run(&b);
    const vc_finding *f = only(&fs, "VC004");
    assert_non_null(f);
    assert_int_equal(f->line, write);
    assert_false(f->may);
    findings_free(&fs);
    unit_free(b.u);
}

static void reassignment_kills_the_alias(void **state)
{
    (void)state;
    builder b = start();
    int a = local(&b, "a"), v = local(&b, "v"), blk = ir_block_new(b.f);
    ir_block_edge(b.f, b.f->entry, blk);
    ir_block_edge(b.f, blk, b.f->exit);
    call(&b, blk, "mk", a, -1);
    call(&b, blk, "view", v, a);
    call(&b, blk, "mk", v, -1); /* v now owns fresh memory */
    call(&b, blk, "set", -1, v);
    call(&b, blk, "get", -1, a);
    call(&b, blk, "get", -1, v);
    vc_findings fs = run(&b);
    assert_int_equal(fs.n, 0);
    findings_free(&fs);
    unit_free(b.u);
}

static void join_of_view_and_fresh_is_may(void **state)
{
    (void)state;
    builder b = start();
    int a = local(&b, "a"), v = local(&b, "v");
    int head = ir_block_new(b.f), left = ir_block_new(b.f), right = ir_block_new(b.f),
        join = ir_block_new(b.f);
    ir_block_edge(b.f, b.f->entry, head);
    ir_block_edge(b.f, head, left);
    ir_block_edge(b.f, head, right);
    ir_block_edge(b.f, left, join);
    ir_block_edge(b.f, right, join);
    ir_block_edge(b.f, join, b.f->exit);
    call(&b, head, "mk", a, -1);
    call(&b, left, "view", v, a);
    call(&b, right, "mk", v, -1);
    unsigned write = call(&b, join, "set", -1, v);
    call(&b, join, "get", -1, a);
    call(&b, join, "get", -1, v);
    vc_findings fs = run(&b);
    const vc_finding *f = only(&fs, "VC004");
    assert_non_null(f);
    assert_int_equal(f->line, write);
    assert_true(f->may);
    assert_non_null(strstr(f->message, "may"));
    findings_free(&fs);
    unit_free(b.u);
}

static void release_on_one_path(void **state)
{
    (void)state;
    for (int both = 0; both < 2; both++) {
        builder b = start();
        int a = local(&b, "a");
        int head = ir_block_new(b.f), left = ir_block_new(b.f), right = ir_block_new(b.f),
            join = ir_block_new(b.f);
        ir_block_edge(b.f, b.f->entry, head);
        ir_block_edge(b.f, head, left);
        ir_block_edge(b.f, head, right);
        ir_block_edge(b.f, left, join);
        ir_block_edge(b.f, right, join);
        ir_block_edge(b.f, join, b.f->exit);
        call(&b, head, "mk", a, -1);
        call(&b, left, "rel", -1, a);
        if (both)
            call(&b, right, "rel", -1, a);
        unsigned use = call(&b, join, "get", -1, a);
        call(&b, join, "get", -1, a); /* a second use: same root cause, not reported again */
        vc_findings fs = run(&b);
        const vc_finding *f = only(&fs, "VC007");
        assert_non_null(f);
        assert_int_equal(f->line, use);
        assert_int_equal(f->may, !both);
        findings_free(&fs);
        unit_free(b.u);
    }
}

static void loop_back_edge_reaches_fixpoint(void **state)
{
    (void)state;
    /* a = mk; loop { get(a); rel(a) }: the read in the second round follows the release */
    builder b = start();
    int a = local(&b, "a");
    int head = ir_block_new(b.f), body = ir_block_new(b.f), after = ir_block_new(b.f);
    ir_block_edge(b.f, b.f->entry, head);
    ir_block_edge(b.f, head, body);
    ir_block_edge(b.f, body, head);
    ir_block_edge(b.f, head, after);
    ir_block_edge(b.f, after, b.f->exit);
    call(&b, b.f->entry, "mk", a, -1);
    unsigned use = call(&b, body, "get", -1, a);
    call(&b, body, "rel", -1, a);
    vc_findings fs = run(&b);
    const vc_finding *f = only(&fs, "VC007");
    assert_non_null(f);
    assert_int_equal(f->line, use);
    assert_true(f->may);
    assert_int_equal(b.f->nback, 1);
    findings_free(&fs);
    unit_free(b.u);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(straight_line_view_write),
        cmocka_unit_test(reassignment_kills_the_alias),
        cmocka_unit_test(join_of_view_and_fresh_is_may),
        cmocka_unit_test(release_on_one_path),
        cmocka_unit_test(loop_back_edge_reaches_fixpoint),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
