#include "analysis.h"

#include "check_workers.h"
#include "program_reuse.h"
#include "summary_workers.h"
#include "util.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* ---- the program's functions -------------------------------------------------------------- */

static void index_definitions(vc_program *p)
{
    strmap_init(&p->definitions);
    int cap = 0;
    for (int u = 0; u < p->nunits; u++) {
        for (int i = 0; i < p->units[u]->nfunctions; i++) {
            vc_function *f = p->units[u]->functions[i];
            if (!f->has_body)
                continue;
            /* every definition is checked; the first of a USR serves other units' calls */
            GROW(p->defs, p->ndefs, cap);
            p->defs[p->ndefs] = (vc_function_ref){u, i};
            f->def_id = p->ndefs;
            if (strmap_get(&p->definitions, f->usr) < 0)
                strmap_put(&p->definitions, f->usr, p->ndefs);
            p->ndefs++;
        }
    }
    p->summaries = xcalloc((size_t)(p->ndefs ? p->ndefs : 1), sizeof *p->summaries);
    p->hashes = xcalloc((size_t)(p->ndefs ? p->ndefs : 1), sizeof *p->hashes);
    p->reported = xcalloc((size_t)(p->ndefs ? p->ndefs : 1), sizeof *p->reported);
}

typedef struct {
    int cap, *counts;
} candidate_lists;

static void add_candidate(vc_program *p, candidate_lists *l, const char *key, int def)
{
    int t = strmap_get(&p->indirect, key);
    if (t < 0) {
        int old = l->cap;
        GROW(p->candidates, p->ncandidate_types, l->cap);
        l->counts = xrealloc(l->counts, (size_t)l->cap * sizeof *l->counts);
        for (int k = old; k < l->cap; k++)
            l->counts[k] = 0;
        t = p->ncandidate_types++;
        p->candidates[t] = xmalloc(sizeof(int));
        p->candidates[t][0] = -1;
        strmap_put(&p->indirect, key, t);
    }
    for (int k = 0; k < l->counts[t]; k++)
        if (p->candidates[t][k] == def)
            return;
    p->candidates[t] = xrealloc(p->candidates[t], (size_t)(l->counts[t] + 2) * sizeof(int));
    p->candidates[t][l->counts[t]++] = def;
    p->candidates[t][l->counts[t]] = -1;
}

static char *member_key(const char *type, const char *field)
{
    return xasprintf("%s\x1f%s", type, field);
}

/* Calls through pointers may reach any defined function of that type whose address is taken;
 * calls through a struct member (opts->cb(...)), the functions stored in a member of that name
 * when the program stores any there. */
static void index_candidates(vc_program *p)
{
    strmap_init(&p->indirect);
    candidate_lists lists = {0, NULL};
    for (int u = 0; u < p->nunits; u++) {
        const vc_unit *unit = p->units[u];
        for (int a = 0; a < unit->naddress_taken; a++) {
            int def = strmap_get(&p->definitions, unit->address_taken[a]);
            if (def < 0)
                continue;
            add_candidate(p, &lists, unit->address_taken_types[a], def);
            if (unit->address_taken_fields[a]) {
                char *key = member_key(unit->address_taken_types[a], unit->address_taken_fields[a]);
                add_candidate(p, &lists, key, def);
                free(key);
            }
        }
    }
    free(lists.counts);
    p->types_of_def = xcalloc((size_t)(p->ndefs ? p->ndefs : 1), sizeof *p->types_of_def);
    int *count = xcalloc((size_t)(p->ndefs ? p->ndefs : 1), sizeof *count);
    for (int t = 0; t < p->ncandidate_types; t++) {
        for (const int *c = p->candidates[t]; *c >= 0; c++) {
            p->types_of_def[*c] =
                xrealloc(p->types_of_def[*c], (size_t)(count[*c] + 2) * sizeof(int));
            p->types_of_def[*c][count[*c]++] = t;
            p->types_of_def[*c][count[*c]] = -1;
        }
    }
    free(count);
    p->indirect_models =
        xcalloc((size_t)(p->ncandidate_types ? p->ncandidate_types : 1), sizeof(vc_model));
}

static int candidate_group(const vc_program *p, const vc_instr *call)
{
    if (!call->callee_type)
        return -1;
    if (call->callee_field) {
        char *key = member_key(call->callee_type, call->callee_field);
        int t = strmap_get(&p->indirect, key);
        free(key);
        if (t >= 0)
            return t;
    }
    return strmap_get(&p->indirect, call->callee_type);
}

static const int *call_candidates(const vc_program *p, const vc_instr *call)
{
    int t = candidate_group(p, call);
    return t >= 0 ? p->candidates[t] : NULL;
}

static int definition_of(const vc_program *p, const vc_unit *u, const vc_instr *call)
{
    if (call->callee < 0)
        return -1;
    const vc_function *callee = u->functions[call->callee];
    if (callee->has_body)
        return callee->def_id; /* the unit's own definition first */
    return strmap_get(&p->definitions, callee->usr);
}

void program_for_each_callee(const vc_program *p, int def, void (*visit)(void *ctx, int callee),
                             void *ctx)
{
    const vc_unit *u = p->units[p->defs[def].unit];
    const vc_function *f = u->functions[p->defs[def].index];
    for (int b = 0; b < f->nblocks; b++) {
        for (int i = 0; i < f->blocks[b].ninstrs; i++) {
            const vc_instr *in = &f->blocks[b].instrs[i];
            if (in->kind != I_CALL)
                continue;
            int w = definition_of(p, u, in);
            if (w >= 0)
                visit(ctx, w);
            const int *c = in->callee < 0 ? call_candidates(p, in) : NULL;
            for (; c && *c >= 0; c++)
                visit(ctx, *c);
        }
    }
}

static bool same_args(const vc_effect *x, const vc_effect *y)
{
    for (int k = 0; k < x->nargs; k++) {
        if (x->args[k].param != y->args[k].param)
            return false;
        if (!x->args[k].path != !y->args[k].path ||
            (x->args[k].path && strcmp(x->args[k].path, y->args[k].path) != 0))
            return false;
    }
    return true;
}

/* An access or contract another candidate already brought: one of the candidates runs, so
 * the call does it once (two frees of s->state by two candidates are not a double free). */
static bool already_merged(const vc_model *m, const vc_effect *e)
{
    switch (e->kind) {
    case FX_READS:
    case FX_WRITES:
    case FX_INSPECTS:
    case FX_RETAINS:
    case FX_RELEASES:
    case FX_UNREFERENCED:
    case FX_MAKES_READONLY:
    case FX_NO_OVERLAP:
    case FX_NO_PARTIAL_OVERLAP:
        break;
    default:
        return false;
    }
    for (int i = 0; i < m->neffects; i++)
        if (m->effects[i].kind == e->kind && m->effects[i].nargs == e->nargs &&
            same_args(&m->effects[i], e))
            return true;
    return false;
}

/* The union of the candidates' summaries; effects not in every candidate become "may". */
static void merge_candidates(const vc_program *p, int type)
{
    vc_model *m = &p->indirect_models[type];
    model_clear(m);
    int n = 0;
    for (const int *c = p->candidates[type]; *c >= 0; c++)
        n++;
    for (const int *c = p->candidates[type]; *c >= 0; c++) {
        const vc_model *s = &p->summaries[*c];
        for (int i = 0; i < s->neffects; i++) {
            if (already_merged(m, &s->effects[i]))
                continue;
            vc_effect e = s->effects[i];
            for (int a = 0; a < e.nargs; a++) {
                e.args[a].name = NULL;
                e.args[a].path = e.args[a].path ? xstrdup(e.args[a].path) : NULL;
            }
            e.field = NULL;
            e.trace = NULL;
            e.ntrace = 0;
            e.may |= n > 1;
            model_add_effect(m, e);
        }
    }
}

const vc_model *program_summary(const vc_program *p, const vc_unit *u, const vc_instr *call)
{
    int def = definition_of(p, u, call);
    if (def >= 0)
        return &p->summaries[def];
    int t = call->callee < 0 ? candidate_group(p, call) : -1;
    return t >= 0 ? &p->indirect_models[t] : NULL;
}

/* ---- the call graph's strongly connected components (Tarjan) ------------------------------ */

typedef struct {
    const vc_program *p;
    int *index, *low, *stack, *order, *scc_of;
    bool *on_stack;
    int next, top, norder, nscc;
} tarjan;

static void strongconnect(tarjan *t, int v);

typedef struct {
    tarjan *t;
    int v;
} tarjan_edge;

static void edge(void *ctx, int w)
{
    tarjan *t = ((tarjan_edge *)ctx)->t;
    int v = ((tarjan_edge *)ctx)->v;
    if (t->index[w] < 0) {
        strongconnect(t, w);
        if (t->low[w] < t->low[v])
            t->low[v] = t->low[w];
    } else if (t->on_stack[w] && t->index[w] < t->low[v]) {
        t->low[v] = t->index[w];
    }
}

static void strongconnect(tarjan *t, int v)
{
    t->index[v] = t->low[v] = t->next++;
    t->stack[t->top++] = v;
    t->on_stack[v] = true;
    tarjan_edge from = {t, v};
    program_for_each_callee(t->p, v, edge, &from);
    if (t->low[v] == t->index[v]) {
        int w;
        do {
            w = t->stack[--t->top];
            t->on_stack[w] = false;
            t->scc_of[w] = t->nscc;
            t->order[t->norder++] = w;
        } while (w != v);
        t->nscc++;
    }
}

bool program_same_summary(const vc_model *a, const vc_model *b)
{
    if (a->neffects != b->neffects)
        return false;
    for (int i = 0; i < a->neffects; i++) {
        const vc_effect *x = &a->effects[i], *y = &b->effects[i];
        if (x->kind != y->kind || x->nargs != y->nargs || x->may != y->may ||
            x->early != y->early || x->before_others != y->before_others || x->as != y->as ||
            !same_args(x, y))
            return false;
    }
    return true;
}

void program_refresh_indirect_for(const vc_program *p, const int *defs, int n)
{
    bool *done = xcalloc((size_t)(p->ncandidate_types ? p->ncandidate_types : 1), sizeof *done);
    for (int i = 0; i < n; i++) {
        for (const int *t = p->types_of_def[defs[i]]; t && *t >= 0; t++) {
            if (!done[*t])
                merge_candidates(p, *t);
            done[*t] = true;
        }
    }
    free(done);
}

void program_report_summary(vc_program *p, const vc_config *cfg, int def)
{
    if (!cfg->on_summary || p->reported[def])
        return;
    p->reported[def] = true;
    const vc_unit *u = p->units[p->defs[def].unit];
    cfg->on_summary(cfg->on_summary_ctx, def, p->ndefs, u, u->functions[p->defs[def].index],
                    &p->summaries[def]);
}

static void program_free(vc_program *p)
{
    for (int i = 0; i < p->ndefs; i++) {
        model_clear(&p->summaries[i]);
        free(p->hashes[i]);
        if (p->check_inputs)
            free(p->check_inputs[i]);
    }
    free(p->check_inputs);
    free(p->reported);
    free(p->earlier);
    for (int i = 0; p->types_of_def && i < p->ndefs; i++)
        free(p->types_of_def[i]);
    free(p->types_of_def);
    for (int t = 0; t < p->ncandidate_types; t++) {
        model_clear(&p->indirect_models[t]);
        free(p->candidates[t]);
    }
    free(p->indirect_models);
    free(p->candidates);
    free(p->summaries);
    free(p->hashes);
    free(p->defs);
    strmap_free(&p->definitions);
    strmap_free(&p->indirect);
}

/* Every definition checked (or its earlier findings taken), findings in order. */
static void check_program(vc_program *p, const vc_config *cfg, const int *order, const int *scc_of,
                          int n, vc_early_checks *early, vc_findings *out)
{
    bool *known = xcalloc((size_t)(n ? n : 1), sizeof *known);
    for (int i = 0; i < n; i++)
        known[i] = early->asked[i] ? early->done[i]
                   : p->reuse      ? program_reuse_findings(p, cfg, order[i], &early->found[i])
                                   : early->done[i];
    check_functions(p, cfg, order, n, known, early->found);
    for (int i = 0; p->reuse && i < n; i++)
        program_reuse_keep(p, order[i], scc_of, &early->found[i]);
    check_merge(early->found, n, out);
    free(known);
}

void analyze_program(vc_unit **units, int nunits, const vc_config *cfg, vc_findings *out)
{
    vc_program p = {.units = units, .nunits = nunits, .reuse = cfg->reuse};
    index_definitions(&p);
    index_candidates(&p);
    int n = p.ndefs ? p.ndefs : 1;
    tarjan t = {.p = &p};
    t.index = xmalloc((size_t)n * sizeof(int));
    t.low = xmalloc((size_t)n * sizeof(int));
    t.stack = xmalloc((size_t)n * sizeof(int));
    t.order = xmalloc((size_t)n * sizeof(int));
    t.scc_of = xmalloc((size_t)n * sizeof(int));
    t.on_stack = xcalloc((size_t)n, sizeof(bool));
    for (int i = 0; i < p.ndefs; i++)
        t.index[i] = -1;
    for (int i = 0; i < p.ndefs; i++)
        if (t.index[i] < 0)
            strongconnect(&t, i);
    double started = util_seconds();
    if (p.reuse)
        program_reuse_begin(&p);
    vc_early_checks early = {xcalloc((size_t)n, sizeof *early.found),
                             xcalloc((size_t)n, sizeof *early.done),
                             xcalloc((size_t)n, sizeof *early.asked)};
    summarize_program(&p, cfg, t.order, t.scc_of, t.norder, &early);
    double summarized = util_seconds();
    check_program(&p, cfg, t.order, t.scc_of, t.norder, &early, out);
    free(early.found);
    free(early.done);
    free(early.asked);
    if (cfg->verbose)
        fprintf(stderr, "viewcheck: note: %d functions summarized (%.2f s), checked (%.2f s)\n",
                p.ndefs, summarized - started, util_seconds() - summarized);
    if (cfg->verbose && p.reuse)
        fprintf(stderr,
                "viewcheck: note: from the earlier run: %d summaries, the findings of %d "
                "functions; %d functions checked again\n",
                p.reuse->summaries_reused, p.reuse->findings_reused,
                p.ndefs - p.reuse->findings_reused);
    for (int i = 0; i < p.ndefs; i++)
        program_report_summary(&p, cfg, i);
    free(t.index);
    free(t.low);
    free(t.stack);
    free(t.order);
    free(t.scc_of);
    free(t.on_stack);
    program_free(&p);
}

void analyze_unit(vc_unit *u, const vc_config *cfg, vc_findings *out)
{
    analyze_program(&u, 1, cfg, out);
}
