/* Protocol, one line per message. To a worker: "S def json" (a settled summary), "R start n"
 * (summarize order[start .. start + n)), "C def" (check a definition), "B n def..." (analyze a
 * share of a large component's round). From a worker: "def json" per member, or "F findings"
 * (a JSON list), then "D". A worker only reads when it has
 * nothing to do and the parent only writes to such a worker, so neither blocks the other. */
#define _DEFAULT_SOURCE
#include "summary_pool.h"

#include "findings_io.h"
#include "fork_pipes.h"
#include "summary_big.h"
#include "summary_io.h"
#include "util.h"

#include <errno.h>
#include <jansson.h>
#include <poll.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

typedef struct {
    pid_t pid;
    FILE *to, *from;
    int seen; /* log entries it has */
    int task; /* -1: idle */
    int start, n;
    pool_task_kind kind;
    bool with_check; /* a summary task that checks its members too */
    int *share_defs; /* a share task's definitions, in order (n) */
    bool alive;
} pool_worker;

struct summary_pool {
    vc_program *p;
    const vc_config *cfg;
    int deaths; /* workers found dead */
    pool_worker *w;
    int nw;
    void (*old_sigpipe)(int);
};

void summary_log_add(summary_log *log, int def, char *text, int from)
{
    if (log->n == log->cap) {
        log->cap = log->cap ? 2 * log->cap : 256;
        log->defs = xrealloc(log->defs, (size_t)log->cap * sizeof *log->defs);
        log->texts = xrealloc(log->texts, (size_t)log->cap * sizeof *log->texts);
        log->from = xrealloc(log->from, (size_t)log->cap * sizeof *log->from);
    }
    log->defs[log->n] = def;
    log->texts[log->n] = text;
    log->from[log->n++] = from;
}

void summary_log_free(summary_log *log)
{
    for (int i = 0; i < log->n; i++)
        free(log->texts[i]);
    free(log->defs);
    free(log->texts);
    free(log->from);
    *log = (summary_log){0};
}

/* For the robustness tests: VIEWCHECK_TEST_CRASH_FUNCTION names a function whose summary or
 * check kills the worker, as a stack overflow in the analysis would. */
static void test_hook(const vc_program *p, int def)
{
    const char *crash = getenv("VIEWCHECK_TEST_CRASH_FUNCTION");
    const vc_function_ref *d = &p->defs[def];
    if (crash && *crash && strcmp(p->units[d->unit]->functions[d->index]->name, crash) == 0) {
        signal(SIGSEGV, SIG_DFL);
        raise(SIGSEGV);
    }
}

static void worker_run(vc_program *p, const vc_config *cfg, const int *order, const char *line,
                       FILE *out, int *fresh, int *nfresh)
{
    int start, n, check;
    if (sscanf(line, "R %d %d %d", &start, &n, &check) != 3 || start < 0 || n <= 0)
        _exit(1);
    for (int i = start; i < start + n; i++)
        test_hook(p, order[i]);
    program_refresh_indirect_for(p, fresh, *nfresh);
    *nfresh = 0;
    vc_findings *found = xcalloc((size_t)n, sizeof *found);
    if (check)
        program_summarize_and_check(p, cfg, order + start, n, found);
    else
        program_summarize_scc(p, cfg, order + start, n);
    for (int i = start; i < start + n; i++)
        summary_line_write(out, order[i], &p->summaries[order[i]]);
    for (int i = 0; check && i < n; i++) {
        char *text = findings_text(&found[i]);
        fprintf(out, "F %s\n", text);
        free(text);
    }
    for (int i = 0; i < n; i++)
        findings_free(&found[i]);
    free(found);
    fputs("D\n", out);
    if (fflush(out) != 0)
        _exit(1);
}

static void worker_check(vc_program *p, const vc_config *cfg, const char *line, FILE *out,
                         int *fresh, int *nfresh)
{
    int def;
    if (sscanf(line, "C %d", &def) != 1 || def < 0 || def >= p->ndefs)
        _exit(1);
    test_hook(p, def);
    program_refresh_indirect_for(p, fresh, *nfresh);
    *nfresh = 0;
    vc_findings found = {0};
    flow_analyze(p, p->defs[def].unit, p->defs[def].index, cfg, &found, NULL);
    char *text = findings_text(&found);
    fprintf(out, "F %s\nD\n", text);
    free(text);
    findings_free(&found);
    if (fflush(out) != 0)
        _exit(1);
}

/* "B n def...": the share's definitions. */
static int *share_of_line(const vc_program *p, const char *line, int *n)
{
    char *end;
    long count = strtol(line + 1, &end, 10);
    if (count <= 0 || count > p->ndefs)
        _exit(1);
    int *defs = xmalloc((size_t)count * sizeof *defs);
    for (long i = 0; i < count; i++) {
        long def = strtol(end, &end, 10);
        if (def < 0 || def >= p->ndefs)
            _exit(1);
        defs[i] = (int)def;
    }
    *n = (int)count;
    return defs;
}

static void worker_share(vc_program *p, const vc_config *cfg, const char *line, FILE *out,
                         int *fresh, int *nfresh)
{
    int n;
    int *defs = share_of_line(p, line, &n);
    for (int i = 0; i < n; i++)
        test_hook(p, defs[i]);
    program_refresh_indirect_for(p, fresh, *nfresh);
    *nfresh = 0;
    vc_model *results = xcalloc((size_t)n, sizeof *results);
    big_analyze_share(p, cfg, defs, n, results);
    for (int i = 0; i < n; i++) {
        summary_line_write(out, defs[i], &results[i]);
        model_clear(&results[i]);
    }
    free(results);
    free(defs);
    fputs("D\n", out);
    if (fflush(out) != 0)
        _exit(1);
}

/* The summaries received since the last task (a large component's member can come once per
 * round): their function pointer candidates are merged again before the next task. */
typedef struct {
    int *defs, n;
    bool *listed;
} fresh_list;

static void fresh_add(fresh_list *f, int def)
{
    if (!f->listed[def])
        f->defs[f->n++] = def;
    f->listed[def] = true;
}

static void fresh_reset(fresh_list *f)
{
    for (int i = 0; i < f->n; i++)
        f->listed[f->defs[i]] = false;
}

static void worker_main(vc_program *p, const vc_config *cfg, const int *order, FILE *in, FILE *out)
{
    char *line = NULL;
    size_t cap = 0;
    size_t ndefs = (size_t)(p->ndefs ? p->ndefs : 1);
    fresh_list fresh = {xmalloc(ndefs * sizeof *fresh.defs), 0, xcalloc(ndefs, sizeof(bool))};
    while (getline(&line, &cap, in) > 0) {
        if (line[0] == 'R' || line[0] == 'C' || line[0] == 'B') {
            fresh_reset(&fresh);
            if (line[0] == 'R')
                worker_run(p, cfg, order, line, out, fresh.defs, &fresh.n);
            else if (line[0] == 'C')
                worker_check(p, cfg, line, out, fresh.defs, &fresh.n);
            else
                worker_share(p, cfg, line, out, fresh.defs, &fresh.n);
            continue;
        }
        vc_model m = {0};
        int def;
        if (line[0] != 'S' || line[1] != ' ' ||
            !summary_line_read(line + 2, p->ndefs, &def, &m, NULL))
            _exit(line[0] == 'Q' ? 0 : 1);
        summary_install(&p->summaries[def], m);
        fresh_add(&fresh, def);
    }
    _exit(0);
}

static bool spawn(summary_pool *pool, int k, const vc_config *cfg, const int *order)
{
    int read_end, write_end;
    pid_t pid = fork_with_pipes(&read_end, &write_end);
    if (pid < 0)
        return false;
    if (pid == 0) {
        for (int i = 0; i < k; i++) { /* the other workers' pipes: their ends must close */
            fclose(pool->w[i].to);
            fclose(pool->w[i].from);
        }
        worker_main(pool->p, cfg, order, fdopen(read_end, "r"), fdopen(write_end, "w"));
    }
    pool_worker *w = &pool->w[k];
    *w = (pool_worker){.pid = pid,
                       .to = fdopen(write_end, "w"),
                       .from = fdopen(read_end, "r"),
                       .task = -1,
                       .alive = true};
    if (!w->to || !w->from) {
        if (w->to)
            fclose(w->to);
        else
            close(write_end);
        if (w->from)
            fclose(w->from);
        else
            close(read_end);
        kill(pid, SIGKILL);
        waitpid(pid, NULL, 0);
        return false;
    }
    return true;
}

summary_pool *summary_pool_start(vc_program *p, const vc_config *cfg, const int *order, int workers,
                                 const summary_log *log)
{
    summary_pool *pool = xcalloc(1, sizeof *pool);
    pool->p = p;
    pool->cfg = cfg;
    pool->w = xcalloc((size_t)workers, sizeof *pool->w);
    pool->old_sigpipe = signal(SIGPIPE, SIG_IGN); /* a dead worker: a failed write, not a death */
    for (int k = 0; k < workers && spawn(pool, k, cfg, order); k++) {
        pool->w[k].seen = log->n;
        pool->nw = k + 1;
    }
    if (pool->nw == 0) {
        summary_pool_stop(pool);
        return NULL;
    }
    return pool;
}

int summary_pool_alive(const summary_pool *pool)
{
    int n = 0;
    for (int k = 0; pool && k < pool->nw; k++)
        n += pool->w[k].alive;
    return n;
}

int summary_pool_deaths(const summary_pool *pool)
{
    return pool ? pool->deaths : 0;
}

int summary_pool_busy(const summary_pool *pool)
{
    int n = 0;
    for (int k = 0; pool && k < pool->nw; k++)
        n += pool->w[k].alive && pool->w[k].task >= 0;
    return n;
}

int summary_pool_idle(const summary_pool *pool)
{
    for (int k = 0; pool && k < pool->nw; k++)
        if (pool->w[k].alive && pool->w[k].task < 0)
            return k;
    return -1;
}

static void retire_worker(summary_pool *pool, pool_worker *w)
{
    if (!w->alive)
        return;
    pool->deaths++;
    w->alive = false;
    fclose(w->to);
    fclose(w->from);
    kill(w->pid, SIGKILL);
    waitpid(w->pid, NULL, 0);
}

static bool send_task(summary_pool *pool, int k, const summary_log *log, const char *command)
{
    pool_worker *w = &pool->w[k];
    for (; w->seen < log->n; w->seen++)
        if (log->from[w->seen] != k)
            fprintf(w->to, "S %d %s\n", log->defs[w->seen], log->texts[w->seen]);
    fputs(command, w->to);
    if (fflush(w->to) != 0) {
        retire_worker(pool, w);
        return false;
    }
    return true;
}

bool summary_pool_send(summary_pool *pool, int k, const summary_log *log, int task, int start,
                       int n, bool check)
{
    char command[64];
    snprintf(command, sizeof command, "R %d %d %d\n", start, n, check);
    if (!send_task(pool, k, log, command))
        return false;
    pool->w[k].task = task;
    pool->w[k].start = start;
    pool->w[k].n = n;
    pool->w[k].kind = POOL_SUMMARY;
    pool->w[k].with_check = check;
    return true;
}

bool summary_pool_send_check(summary_pool *pool, int k, const summary_log *log, int task, int def)
{
    char command[64];
    snprintf(command, sizeof command, "C %d\n", def);
    if (!send_task(pool, k, log, command))
        return false;
    pool->w[k].task = task;
    pool->w[k].n = 0;
    pool->w[k].kind = POOL_CHECK;
    pool->w[k].with_check = false;
    return true;
}

bool summary_pool_send_share(summary_pool *pool, int k, const summary_log *log, int task,
                             const int *defs, int n)
{
    size_t cap = 32 + 12 * (size_t)n, len = 0;
    char *command = xmalloc(cap);
    len += (size_t)snprintf(command, cap, "B %d", n);
    for (int i = 0; i < n; i++)
        len += (size_t)snprintf(command + len, cap - len, " %d", defs[i]);
    snprintf(command + len, cap - len, "\n");
    bool sent = send_task(pool, k, log, command);
    free(command);
    if (!sent)
        return false;
    pool_worker *w = &pool->w[k];
    w->task = task;
    w->n = n;
    w->kind = POOL_SHARE;
    w->with_check = false;
    free(w->share_defs);
    w->share_defs = xmalloc((size_t)(n ? n : 1) * sizeof *w->share_defs);
    memcpy(w->share_defs, defs, (size_t)n * sizeof *defs);
    return true;
}

/* "F findings" into `into` (then, for a check, "D"). */
static bool read_findings(summary_pool *pool, pool_worker *w, vc_findings *into, bool then_done)
{
    char *line = NULL;
    size_t cap = 0;
    bool ok = getline(&line, &cap, w->from) > 2 && line[0] == 'F' && line[1] == ' ' &&
              findings_from_text(line + 2, pool->cfg, into);
    ok = ok && (!then_done || (getline(&line, &cap, w->from) > 0 && strcmp(line, "D\n") == 0));
    free(line);
    if (!ok)
        findings_free(into);
    return ok;
}

/* The JSON text of a summary line, as the log keeps it (the worker's own text: no second
 * serialization here). */
static char *json_of_line(const char *json)
{
    return xstrndup(json, strcspn(json, "\n"));
}

/* A worker's answer: the summaries of exactly its component's members (and their texts), its
 * findings when it checked too, then "D". */
static bool read_answer(summary_pool *pool, pool_worker *w, vc_model *got, int *defs, char **texts,
                        vc_findings *found)
{
    char *line = NULL;
    size_t cap = 0;
    int n = 0;
    bool ok = true;
    const char *json;
    while (ok && n < w->n && getline(&line, &cap, w->from) > 0) {
        ok = summary_line_read(line, pool->p->ndefs, &defs[n], &got[n], &json);
        if (ok)
            texts[n++] = json_of_line(json);
        ok = ok && (w->kind != POOL_SHARE || defs[n - 1] == w->share_defs[n - 1]);
    }
    for (int i = 0; ok && w->with_check && i < w->n; i++)
        ok = read_findings(pool, w, &found[i], false);
    ok = ok && n == w->n;
    ok = ok && getline(&line, &cap, w->from) > 0 && strcmp(line, "D\n") == 0;
    free(line);
    return ok;
}

static struct pollfd *busy_fds(const summary_pool *pool)
{
    struct pollfd *fds = xcalloc((size_t)pool->nw, sizeof *fds);
    for (int k = 0; k < pool->nw; k++) {
        bool busy = pool->w[k].alive && pool->w[k].task >= 0;
        fds[k] = (struct pollfd){busy ? fileno(pool->w[k].from) : -1, POLLIN, 0};
    }
    return fds;
}

bool summary_pool_answered(const summary_pool *pool)
{
    if (!pool || summary_pool_busy(pool) == 0)
        return false;
    struct pollfd *fds = busy_fds(pool);
    bool answered = poll(fds, (nfds_t)pool->nw, 0) != 0; /* an error: let the wait find out */
    free(fds);
    return answered;
}

static int answering_worker(summary_pool *pool)
{
    struct pollfd *fds = busy_fds(pool);
    int found = -1;
    while (found < 0 && (poll(fds, (nfds_t)pool->nw, -1) > 0 || errno == EINTR))
        for (int k = 0; k < pool->nw && found < 0; k++)
            if (fds[k].revents)
                found = k;
    free(fds);
    return found;
}

static void settle_summaries(summary_pool *pool, int k, summary_log *log, vc_findings *found,
                             bool *ok)
{
    pool_worker *w = &pool->w[k];
    vc_model *got = xcalloc((size_t)w->n, sizeof *got);
    int *defs = xcalloc((size_t)w->n, sizeof *defs);
    char **texts = xcalloc((size_t)w->n, sizeof *texts);
    *ok = read_answer(pool, w, got, defs, texts, w->with_check ? &found[w->start] : NULL);
    for (int i = 0; !*ok && w->with_check && i < w->n; i++)
        findings_free(&found[w->start + i]);
    for (int i = 0; i < w->n; i++) {
        if (*ok) {
            summary_install(&pool->p->summaries[defs[i]], got[i]);
            summary_log_add(log, defs[i], texts[i], k);
        } else {
            model_clear(&got[i]);
            free(texts[i]);
        }
    }
    if (*ok)
        program_refresh_indirect_for(pool->p, defs, w->n);
    free(got);
    free(defs);
    free(texts);
}

/* A share's summaries, in the order sent, returned to the caller. */
static void share_summaries(summary_pool *pool, pool_worker *w, pool_answer *a)
{
    a->n = w->n;
    a->got = xcalloc((size_t)(w->n ? w->n : 1), sizeof *a->got);
    a->texts = xcalloc((size_t)(w->n ? w->n : 1), sizeof *a->texts);
    int *defs = xcalloc((size_t)(w->n ? w->n : 1), sizeof *defs);
    a->ok = read_answer(pool, w, a->got, defs, a->texts, NULL);
    free(defs);
    if (a->ok)
        return;
    for (int i = 0; i < w->n; i++) {
        model_clear(&a->got[i]);
        free(a->texts[i]);
    }
    free(a->got);
    free(a->texts);
    a->got = NULL;
    a->texts = NULL;
    a->n = 0;
}

pool_answer summary_pool_wait(summary_pool *pool, summary_log *log, vc_findings *found)
{
    int k = answering_worker(pool);
    if (k < 0) { /* poll failed: read the first busy worker (callers wait only while one is) */
        for (k = 0; k < pool->nw && !(pool->w[k].alive && pool->w[k].task >= 0); k++)
            ;
    }
    pool_worker *w = &pool->w[k];
    pool_answer a = {.task = w->task, .kind = w->kind};
    if (w->kind == POOL_CHECK)
        a.ok = read_findings(pool, w, &found[a.task], true);
    else if (w->kind == POOL_SHARE)
        share_summaries(pool, w, &a);
    else
        settle_summaries(pool, k, log, found, &a.ok);
    if (!a.ok)
        retire_worker(pool, w);
    w->task = -1;
    return a;
}

void summary_pool_stop(summary_pool *pool)
{
    if (!pool)
        return;
    for (int k = 0; k < pool->nw; k++) {
        pool_worker *w = &pool->w[k];
        if (!w->alive)
            continue;
        fputs("Q\n", w->to);
        fclose(w->to);
        fclose(w->from);
        waitpid(w->pid, NULL, 0);
    }
    signal(SIGPIPE, pool->old_sigpipe);
    for (int k = 0; k < pool->nw; k++)
        free(pool->w[k].share_defs);
    free(pool->w);
    free(pool);
}
