/* The checking pass (every function, its callees' summaries known) in worker processes. The
 * program is in memory when the workers fork, so each only needs its share of functions; each
 * writes its findings, tagged with the function's position, to a temporary file, and the parent
 * merges them in the order a single process would have produced them (the first of two findings
 * on one rule and line wins). A worker that fails has its share checked by the parent. */
#define _DEFAULT_SOURCE
#include "check_workers.h"

#include "fork_shares.h"
#include "util.h"

#include <jansson.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

enum { PARALLEL_MIN_FUNCTIONS = 64 };

typedef struct {
    int position, seq;
    vc_finding finding;
} tagged;

typedef struct {
    tagged *items;
    int n, cap;
} tagged_list;

static const vc_rule *rule_named(const vc_config *cfg, const char *id)
{
    for (int r = 0; r < cfg->nrules; r++)
        if (strcmp(cfg->rules[r]->id, id) == 0)
            return cfg->rules[r];
    return NULL;
}

static void write_finding(FILE *out, int position, const vc_finding *fd)
{
    json_t *notes = json_array();
    for (int k = 0; k < fd->nnotes; k++)
        json_array_append_new(notes, json_pack("[s,i,i,s]", fd->notes[k].file, fd->notes[k].line,
                                               fd->notes[k].col, fd->notes[k].message));
    json_t *j = json_pack("[i,s,s,i,i,s,s,b,o]", position, fd->rule, fd->file, fd->line, fd->col,
                          fd->function, fd->message, fd->may, notes);
    char *text = json_dumps(j, JSON_COMPACT);
    fprintf(out, "%s\n", text);
    free(text);
    json_decref(j);
}

static void check_share(const vc_program *p, const vc_config *cfg, const int *defs, int n, int k,
                        int workers, FILE *out)
{
    for (int i = k; i < n; i += workers) {
        vc_findings local = {0};
        flow_analyze(p, p->defs[defs[i]].unit, p->defs[defs[i]].index, cfg, &local, NULL);
        for (int f = 0; f < local.n; f++)
            write_finding(out, i, &local.items[f]);
        findings_free(&local);
    }
}

static bool read_finding(const vc_config *cfg, const char *line, tagged *t)
{
    json_error_t err;
    json_t *j = json_loads(line, 0, &err);
    const char *rule_id, *file, *function, *message;
    int position, l, col, may;
    json_t *notes;
    bool ok = j && json_unpack(j, "[i,s,s,i,i,s,s,b,o]", &position, &rule_id, &file, &l, &col,
                               &function, &message, &may, &notes) == 0;
    const vc_rule *rule = ok ? rule_named(cfg, rule_id) : NULL;
    if (rule) {
        vc_findings one = {0};
        vc_finding *fd =
            findings_add(&one, rule->id, rule->level, file, (vc_loc){0, (unsigned)l, (unsigned)col},
                         function, xstrdup(message));
        fd->may = may;
        size_t k;
        json_t *note;
        json_array_foreach(notes, k, note)
        {
            const char *nf, *nm;
            int nl, nc;
            if (json_unpack(note, "[s,i,i,s]", &nf, &nl, &nc, &nm) == 0)
                finding_note(fd, nf, (vc_loc){0, (unsigned)nl, (unsigned)nc}, xstrdup(nm));
        }
        t->position = position;
        t->finding = *fd;
        free(one.items);
    }
    json_decref(j);
    return rule != NULL;
}

static bool read_share(const vc_config *cfg, FILE *in, tagged_list *list)
{
    char *line = NULL;
    size_t cap = 0;
    bool ok = true;
    while (ok && getline(&line, &cap, in) > 0) {
        GROW(list->items, list->n, list->cap);
        tagged *t = &list->items[list->n];
        ok = read_finding(cfg, line, t);
        if (ok) {
            t->seq = list->n;
            list->n++;
        }
    }
    free(line);
    return ok;
}

static void check_one(const vc_program *p, const vc_config *cfg, const int *defs, int i,
                      tagged_list *list)
{
    vc_findings local = {0};
    flow_analyze(p, p->defs[defs[i]].unit, p->defs[defs[i]].index, cfg, &local, NULL);
    for (int f = 0; f < local.n; f++) {
        GROW(list->items, list->n, list->cap);
        list->items[list->n] = (tagged){i, list->n, local.items[f]};
        list->n++;
    }
    free(local.items);
}

static int by_position(const void *x, const void *y)
{
    const tagged *a = x, *b = y;
    if (a->position != b->position)
        return a->position < b->position ? -1 : 1;
    return a->seq < b->seq ? -1 : a->seq > b->seq;
}

static void merge(tagged_list *list, vc_findings *out)
{
    if (list->n > 1)
        qsort(list->items, (size_t)list->n, sizeof *list->items, by_position);
    for (int i = 0; i < list->n; i++) {
        vc_finding *fd = &list->items[i].finding;
        if (findings_has(out, fd->rule, fd->file, fd->line)) {
            finding_clear(fd);
            continue;
        }
        GROW(out->items, out->n, out->cap);
        out->items[out->n++] = *fd;
    }
    free(list->items);
}

typedef struct {
    const vc_program *p;
    const vc_config *cfg;
    const int *defs;
    int n, workers;
    tagged_list list;
} check_job;

static void check_work(void *ctx, int k, FILE *out)
{
    check_job *j = ctx;
    check_share(j->p, j->cfg, j->defs, j->n, k, j->workers, out);
}

static bool check_collect(void *ctx, int k, FILE *in)
{
    (void)k;
    check_job *j = ctx;
    int before = j->list.n;
    if (read_share(j->cfg, in, &j->list))
        return true;
    for (int i = before; i < j->list.n; i++)
        finding_clear(&j->list.items[i].finding);
    j->list.n = before;
    return false;
}

static void check_redo(void *ctx, int k)
{
    check_job *j = ctx;
    for (int i = k; i < j->n; i += j->workers)
        check_one(j->p, j->cfg, j->defs, i, &j->list);
}

void check_functions(const vc_program *p, const vc_config *cfg, const int *defs, int n,
                     vc_findings *out)
{
    int workers =
        cfg->workers < n / PARALLEL_MIN_FUNCTIONS ? cfg->workers : n / PARALLEL_MIN_FUNCTIONS;
    if (workers <= 1) {
        for (int i = 0; i < n; i++)
            flow_analyze(p, p->defs[defs[i]].unit, p->defs[defs[i]].index, cfg, out, NULL);
        return;
    }
    check_job job = {p, cfg, defs, n, workers, {0}};
    fork_share_ops ops = {check_work, check_collect, check_redo, &job};
    fork_shares(workers, &ops);
    merge(&job.list, out);
}
