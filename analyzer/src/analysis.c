/* Summaries bottom-up over the unit's call graph (Tarjan's SCCs, each to a fixpoint), then the
 * checking pass with every summary available. */
#include "analysis.h"

#include "util.h"

#include <stdlib.h>
#include <string.h>

typedef struct {
    const vc_unit *u;
    int *index, *low, *stack, *order;
    bool *on_stack;
    int next, top, norder;
    int *scc_of;
    int nscc;
} tarjan;

static void callees(const vc_function *f, void (*visit)(tarjan *, int), tarjan *t)
{
    for (int b = 0; b < f->nblocks; b++)
        for (int i = 0; i < f->blocks[b].ninstrs; i++)
            if (f->blocks[b].instrs[i].kind == I_CALL && f->blocks[b].instrs[i].callee >= 0)
                visit(t, f->blocks[b].instrs[i].callee);
}

static void strongconnect(tarjan *t, int v);

static void visit_edge(tarjan *t, int w);
static int current_v;

static void strongconnect(tarjan *t, int v)
{
    t->index[v] = t->low[v] = t->next++;
    t->stack[t->top++] = v;
    t->on_stack[v] = true;
    int saved = current_v;
    current_v = v;
    callees(t->u->functions[v], visit_edge, t);
    current_v = saved;
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

static void visit_edge(tarjan *t, int w)
{
    int v = current_v;
    if (!t->u->functions[w]->has_body)
        return;
    if (t->index[w] < 0) {
        strongconnect(t, w);
        if (t->low[w] < t->low[v])
            t->low[v] = t->low[w];
    } else if (t->on_stack[w] && t->index[w] < t->low[v]) {
        t->low[v] = t->index[w];
    }
}

static bool same_summary(const vc_model *a, const vc_model *b)
{
    if (a->neffects != b->neffects)
        return false;
    for (int i = 0; i < a->neffects; i++) {
        const vc_effect *x = &a->effects[i], *y = &b->effects[i];
        if (x->kind != y->kind || x->nargs != y->nargs || x->may != y->may ||
            x->early != y->early || x->as != y->as)
            return false;
        for (int k = 0; k < x->nargs; k++) {
            if (x->args[k].param != y->args[k].param)
                return false;
            if (!x->args[k].path != !y->args[k].path ||
                (x->args[k].path && strcmp(x->args[k].path, y->args[k].path) != 0))
                return false;
        }
    }
    return true;
}

/* Analyzes the members of one SCC until their summaries stop changing. */
static void summarize_scc(vc_unit *u, const vc_config *cfg, vc_model *summaries, const int *members,
                          int n)
{
    for (int round = 0; round < 10; round++) {
        bool changed = false;
        for (int i = 0; i < n; i++) {
            vc_model next = {0};
            flow_analyze(u, members[i], cfg, summaries, NULL, &next);
            if (!same_summary(&next, &summaries[members[i]])) {
                changed = true;
                model_clear(&summaries[members[i]]);
                summaries[members[i]] = next;
            } else {
                model_clear(&next);
            }
        }
        if (!changed)
            break;
    }
}

void analyze_unit(vc_unit *u, const vc_config *cfg, vc_findings *out)
{
    int n = u->nfunctions;
    vc_model *summaries = xcalloc((size_t)(n ? n : 1), sizeof *summaries);
    tarjan t = {.u = u};
    t.index = xmalloc((size_t)(n ? n : 1) * sizeof(int));
    t.low = xmalloc((size_t)(n ? n : 1) * sizeof(int));
    t.stack = xmalloc((size_t)(n ? n : 1) * sizeof(int));
    t.order = xmalloc((size_t)(n ? n : 1) * sizeof(int));
    t.scc_of = xmalloc((size_t)(n ? n : 1) * sizeof(int));
    t.on_stack = xcalloc((size_t)(n ? n : 1), sizeof(bool));
    for (int i = 0; i < n; i++)
        t.index[i] = -1;
    for (int i = 0; i < n; i++)
        if (u->functions[i]->has_body && t.index[i] < 0)
            strongconnect(&t, i);
    /* t.order lists SCCs callees first */
    for (int start = 0; start < t.norder;) {
        int end = start;
        while (end < t.norder && t.scc_of[t.order[end]] == t.scc_of[t.order[start]])
            end++;
        summarize_scc(u, cfg, summaries, t.order + start, end - start);
        start = end;
    }
    for (int i = 0; i < t.norder; i++)
        flow_analyze(u, t.order[i], cfg, summaries, out, NULL);
    for (int i = 0; i < n; i++)
        model_clear(&summaries[i]);
    free(summaries);
    free(t.index);
    free(t.low);
    free(t.stack);
    free(t.order);
    free(t.scc_of);
    free(t.on_stack);
}
