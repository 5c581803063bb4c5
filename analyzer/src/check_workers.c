/* The checking pass (every function, its callees' summaries known) in worker processes. The
 * program is in memory when the workers fork, so each only needs its share of functions; each
 * writes its findings, tagged with the function's position, to a temporary file, and the parent
 * merges them in the order a single process would have produced them (the first of two findings
 * on one rule and line wins). A worker that fails has its share checked by the parent. */
#define _DEFAULT_SOURCE
#include "check_workers.h"

#include "util.h"

#include <jansson.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

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
    fflush(out);
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
    rewind(in);
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
    FILE **files = xcalloc((size_t)workers, sizeof *files);
    pid_t *pids = xcalloc((size_t)workers, sizeof *pids);
    fflush(NULL);
    for (int k = 0; k < workers; k++) {
        files[k] = tmpfile();
        pids[k] = files[k] ? fork() : -1;
        if (pids[k] == 0) {
            check_share(p, cfg, defs, n, k, workers, files[k]);
            _exit(0);
        }
    }
    tagged_list list = {0};
    for (int k = 0; k < workers; k++) {
        int status = 0;
        bool done = pids[k] > 0 && waitpid(pids[k], &status, 0) == pids[k] && WIFEXITED(status) &&
                    WEXITSTATUS(status) == 0;
        int before = list.n;
        if (!done || !read_share(cfg, files[k], &list)) {
            for (int i = before; i < list.n; i++)
                finding_clear(&list.items[i].finding);
            list.n = before;
            for (int i = k; i < n; i += workers) /* the parent checks this share itself */
                check_one(p, cfg, defs, i, &list);
        }
        if (files[k])
            fclose(files[k]);
    }
    merge(&list, out);
    free(files);
    free(pids);
}
