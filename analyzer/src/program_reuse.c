#include "program_reuse.h"

#include "findings_io.h"
#include "summary_io.h"
#include "util.h"

#include <jansson.h>
#include <stdlib.h>
#include <string.h>

static const unsigned long long FNV_BASIS = 1469598103934665603ull;

void reuse_load(vc_reuse *r, vc_store *s, const char *analysis)
{
    memset(r, 0, sizeof *r);
    strmap_init(&r->by_key);
    r->nearlier = s ? store_load_function_results(s, analysis, &r->earlier) : 0;
    for (int i = 0; i < r->nearlier; i++)
        strmap_put(&r->by_key, r->earlier[i].key, i);
}

void reuse_save(const vc_reuse *r, vc_store *s, const char *analysis)
{
    vc_function_result *named = xcalloc((size_t)r->nnow + 1, sizeof *named);
    int n = 0;
    for (int i = 0; i < r->nnow; i++)
        if (r->now[i].key && r->now[i].findings) /* units without inputs are not kept */
            named[n++] = r->now[i];
    store_put_function_results(s, analysis, named, n);
    free(named);
}

void reuse_free(vc_reuse *r)
{
    for (int i = 0; i < r->nearlier; i++)
        store_function_result_free(&r->earlier[i]);
    for (int i = 0; i < r->nnow; i++)
        store_function_result_free(&r->now[i]);
    free(r->earlier);
    free(r->now);
    strmap_free(&r->by_key);
}

/* A definition is named by its unit's inputs, its USR and its position in the unit: equal
 * names mean equal lowered code. */
void program_reuse_begin(vc_program *p)
{
    vc_reuse *r = p->reuse;
    int n = p->ndefs ? p->ndefs : 1;
    p->earlier = xmalloc((size_t)n * sizeof *p->earlier);
    p->check_inputs = xcalloc((size_t)n, sizeof *p->check_inputs);
    r->now = xcalloc((size_t)n, sizeof *r->now);
    r->nnow = p->ndefs;
    for (int d = 0; d < p->ndefs; d++) {
        const vc_unit *u = p->units[p->defs[d].unit];
        const vc_function *f = u->functions[p->defs[d].index];
        r->now[d].key =
            u->inputs ? xasprintf("%s\x1f%s\x1f%d", u->inputs, f->usr, p->defs[d].index) : NULL;
        p->earlier[d] = r->now[d].key ? strmap_get(&r->by_key, r->now[d].key) : -1;
    }
}

/* The text of a definition's final summary, as this run keeps it (made once). */
static const char *final_summary(vc_program *p, int def)
{
    vc_function_result *row = &p->reuse->now[def];
    if (!row->summary)
        row->summary = summary_text(&p->summaries[def]);
    return row->summary;
}

/* The hash of a definition's summary (asked only once it is final). */
static const char *digest(vc_program *p, int def)
{
    if (!p->hashes[def]) {
        const char *text = final_summary(p, def);
        p->hashes[def] = xasprintf("%016llx", text_hash(FNV_BASIS, text, strlen(text)));
    }
    return p->hashes[def];
}

typedef struct {
    vc_program *p;
    const int *scc_of; /* NULL: every callee's summary counts */
    int scc;
    unsigned long long h;
} inputs_walk;

static void hash_callee(void *ctx, int callee)
{
    inputs_walk *w = ctx;
    const vc_unit *u = w->p->units[w->p->defs[callee].unit];
    const char *usr = u->functions[w->p->defs[callee].index]->usr;
    bool inside = w->scc_of && w->scc_of[callee] == w->scc;
    const char *summary = inside ? "(same component)" : digest(w->p, callee);
    w->h = text_hash(w->h, u->main_file, strlen(u->main_file) + 1);
    w->h = text_hash(w->h, usr, strlen(usr) + 1);
    w->h = text_hash(w->h, summary, strlen(summary) + 1);
}

/* What `def`'s analysis reads besides its own unit: the summaries of its callees (those of its
 * own component when scc_of is NULL; else only a mark for them). */
static char *callee_inputs(vc_program *p, int def, const int *scc_of)
{
    inputs_walk w = {p, scc_of, scc_of ? scc_of[def] : -1, FNV_BASIS};
    program_for_each_callee(p, def, hash_callee, &w);
    return xasprintf("%016llx", w.h);
}

static const vc_function_result *earlier_of(const vc_program *p, int def)
{
    return p->earlier[def] >= 0 ? &p->reuse->earlier[p->earlier[def]] : NULL;
}

bool program_reuse_summaries(vc_program *p, const int *members, int n, const int *scc_of)
{
    for (int i = 0; i < n; i++) {
        const vc_function_result *e = earlier_of(p, members[i]);
        if (!e)
            return false;
        char *inputs = callee_inputs(p, members[i], scc_of);
        bool same = strcmp(inputs, e->summary_inputs) == 0;
        free(inputs);
        if (!same)
            return false;
    }
    vc_model *got = xcalloc((size_t)n, sizeof *got);
    bool ok = true;
    for (int i = 0; ok && i < n; i++) {
        json_t *j = json_loads(earlier_of(p, members[i])->summary, 0, NULL);
        ok = j && summary_from_json(j, &got[i]);
        json_decref(j);
    }
    for (int i = 0; i < n; i++) {
        if (ok) {
            model_clear(&p->summaries[members[i]]);
            p->summaries[members[i]] = got[i];
        } else {
            model_clear(&got[i]);
        }
    }
    free(got);
    if (ok) {
        program_refresh_indirect_for(p, members, n);
        p->reuse->summaries_reused += n;
    }
    return ok;
}

bool program_reuse_findings(vc_program *p, const vc_config *cfg, int def, vc_findings *out)
{
    p->check_inputs[def] = callee_inputs(p, def, NULL);
    const vc_function_result *e = earlier_of(p, def);
    if (!e || strcmp(e->check_inputs, p->check_inputs[def]) != 0 ||
        !findings_from_text(e->findings, cfg, out))
        return false;
    p->reuse->findings_reused++;
    return true;
}

void program_reuse_keep(vc_program *p, int def, const int *scc_of, const vc_findings *found)
{
    vc_function_result *row = &p->reuse->now[def];
    row->summary_inputs = callee_inputs(p, def, scc_of);
    row->check_inputs = p->check_inputs[def]; /* computed by program_reuse_findings */
    p->check_inputs[def] = NULL;
    final_summary(p, def);
    row->findings = findings_text(found);
}
