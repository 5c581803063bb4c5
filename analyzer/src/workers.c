#define _DEFAULT_SOURCE
#include "workers.h"

#include "fork_pipes.h"

#include "frontend.h"
#include "unit_io.h"
#include "util.h"

#include <clang-c/Index.h>
#include <errno.h>
#include <poll.h>
#include <pthread.h>
#include <signal.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

void failures_add(vc_failures *f, const char *file, const char *reason)
{
    if (f->n == f->cap) {
        f->cap = f->cap ? 2 * f->cap : 8;
        f->files = xrealloc(f->files, (size_t)f->cap * sizeof *f->files);
        f->reasons = xrealloc(f->reasons, (size_t)f->cap * sizeof *f->reasons);
    }
    f->files[f->n] = xstrdup(file);
    f->reasons[f->n++] = xstrdup(reason);
}

void failures_free(vc_failures *f)
{
    for (int i = 0; i < f->n; i++) {
        free(f->files[i]);
        free(f->reasons[i]);
    }
    free(f->files);
    free(f->reasons);
    memset(f, 0, sizeof *f);
}

static bool write_all(int fd, const void *buf, size_t n)
{
    const char *p = buf;
    while (n > 0) {
        ssize_t w = write(fd, p, n);
        if (w < 0 && errno == EINTR)
            continue;
        if (w <= 0)
            return false;
        p += w;
        n -= (size_t)w;
    }
    return true;
}

static bool read_all(int fd, void *buf, size_t n)
{
    char *p = buf;
    while (n > 0) {
        ssize_t r = read(fd, p, n);
        if (r < 0 && errno == EINTR)
            continue;
        if (r <= 0)
            return false;
        p += r;
        n -= (size_t)r;
    }
    return true;
}

/* For the robustness tests: VIEWCHECK_TEST_CRASH / VIEWCHECK_TEST_HANG name a file on which
 * the worker crashes or hangs, as a libclang crash or an endless parse would. */
static void test_hooks(const char *file)
{
    const char *crash = getenv("VIEWCHECK_TEST_CRASH"), *hang = getenv("VIEWCHECK_TEST_HANG");
    if (crash && *crash && strstr(file, crash)) {
        signal(SIGSEGV, SIG_DFL); /* die by the signal even where a sanitizer catches it */
        raise(SIGSEGV);
    }
    while (hang && *hang && strstr(file, hang))
        pause();
}

/* Lowering recurses over the syntax tree: 10,000-deep nesting (blocks, if chains, a + a + ...
 * sums from macros) overflows a default 8 MiB stack. It runs on a thread with a large stack
 * (address space only: untouched pages cost nothing), inside --memory-limit when one is set. */
typedef struct {
    CXIndex index;
    const vc_compile_job *job;
    char *text;
} lower_call;

static void *lower_thread(void *arg)
{
    lower_call *c = arg;
    vc_unit *u = frontend_lower(c->index, c->job);
    c->text = unit_serialize(u);
    unit_free(u);
    return NULL;
}

static char *lower_on_big_stack(CXIndex index, const vc_compile_job *job,
                                const vc_worker_options *opt)
{
    size_t stack = (size_t)1 << 30;
    if (opt->memory && (size_t)(opt->memory << 20) / 4 < stack)
        stack = (size_t)(opt->memory << 20) / 4;
    lower_call c = {index, job, NULL};
    pthread_attr_t attr;
    pthread_t thread;
    bool threaded = pthread_attr_init(&attr) == 0 && pthread_attr_setstacksize(&attr, stack) == 0 &&
                    pthread_create(&thread, &attr, lower_thread, &c) == 0;
    if (threaded)
        pthread_join(thread, NULL);
    else
        lower_thread(&c);
    pthread_attr_destroy(&attr);
    return c.text;
}

/* The worker: job indices in, [job, length, unit JSON] out, until the parent closes. */
static void worker_main(const vc_jobs *jobs, const vc_worker_options *opt, int in, int out)
{
    signal(SIGPIPE, SIG_IGN);
    if (opt->memory) {
        struct rlimit lim = {opt->memory << 20, opt->memory << 20};
        setrlimit(RLIMIT_AS, &lim);
    }
    setenv("LIBCLANG_NOTHREADS", "1", 1); /* libclang parses on our big stack, not its 8 MiB */
    CXIndex index = clang_createIndex(0, 0);
    int32_t job;
    while (read_all(in, &job, sizeof job) && job >= 0 && job < jobs->n) {
        const vc_job *j = &jobs->items[job];
        vc_compile_job cj = {j->file,  j->directory, (const char *const *)j->args,
                             j->nargs, NULL,         0};
        alarm(opt->timeout);
        test_hooks(j->file);
        char *text = lower_on_big_stack(index, &cj, opt);
        alarm(0);
        uint64_t len = strlen(text);
        bool ok = write_all(out, &job, sizeof job) && write_all(out, &len, sizeof len) &&
                  write_all(out, text, len);
        free(text);
        if (!ok)
            break;
    }
    clang_disposeIndex(index);
    _exit(0);
}

typedef struct {
    pid_t pid;
    int to, from; /* job pipe (write end), result pipe (read end) */
    int job;      /* the job it works on, -1 idle */
} worker;

static bool spawn(worker *w, const vc_jobs *jobs, const vc_worker_options *opt)
{
    int read_end, write_end;
    pid_t pid = fork_with_pipes(&read_end, &write_end);
    if (pid < 0)
        return false;
    if (pid == 0)
        worker_main(jobs, opt, read_end, write_end);
    *w = (worker){pid, write_end, read_end, -1};
    return true;
}

static char *death_reason(int status, const vc_worker_options *opt)
{
    if (WIFSIGNALED(status) && WTERMSIG(status) == SIGALRM)
        return xasprintf("timed out after %u s (--timeout)", opt->timeout);
    if (WIFSIGNALED(status))
        return xasprintf("the analyzer crashed on this file (signal %d: %s)", WTERMSIG(status),
                         strsignal(WTERMSIG(status)));
    return xasprintf("the analyzer stopped on this file (exit status %d%s)",
                     WIFEXITED(status) ? WEXITSTATUS(status) : -1,
                     opt->memory ? "; out of memory under --memory-limit?" : "");
}

/* Reads one result; false when the worker died (its job becomes a failure). */
static bool collect(worker *w, const vc_jobs *jobs, vc_unit **units, vc_failures *failures,
                    const vc_worker_options *opt)
{
    int32_t job;
    uint64_t len;
    if (read_all(w->from, &job, sizeof job) && read_all(w->from, &len, sizeof len) &&
        job == w->job) {
        char *text = xmalloc(len + 1);
        bool ok = read_all(w->from, text, len);
        text[len] = '\0';
        char err[256];
        vc_unit *u = ok ? unit_deserialize(text, err, sizeof err) : NULL;
        free(text);
        if (u) {
            units[job] = u;
            w->job = -1;
            return true;
        }
    }
    int status = 0;
    close(w->to);
    close(w->from);
    waitpid(w->pid, &status, 0);
    char *why = death_reason(status, opt);
    failures_add(failures, jobs->items[w->job].file, why);
    free(why);
    w->pid = -1;
    w->job = -1;
    return false;
}

static void progress(const vc_worker_options *opt, int done, int total)
{
    if (opt->progress)
        fprintf(stderr, "\r\033[K[%d/%d] files parsed", done, total);
}

static off_t source_size(const char *path)
{
    struct stat st;
    return stat(path, &st) == 0 ? st.st_size : 0;
}

static const off_t *sort_sizes;

static int larger_first(const void *a, const void *b)
{
    off_t x = sort_sizes[*(const int *)a], y = sort_sizes[*(const int *)b];
    return x != y ? (x < y ? 1 : -1) : *(const int *)a - *(const int *)b;
}

/* The largest sources first, so that no worker starts a long parse when the others are done. */
static int *larger_first_order(const vc_jobs *jobs)
{
    off_t *sizes = xcalloc((size_t)jobs->n + 1, sizeof *sizes);
    int *order = xcalloc((size_t)jobs->n + 1, sizeof *order);
    for (int i = 0; i < jobs->n; i++) {
        sizes[i] = source_size(jobs->items[i].file);
        order[i] = i;
    }
    sort_sizes = sizes;
    qsort(order, (size_t)jobs->n, sizeof *order, larger_first);
    free(sizes);
    return order;
}

void workers_lower(const vc_jobs *jobs, const vc_worker_options *opt, vc_unit **units,
                   vc_failures *failures)
{
    int n = opt->workers > 0 ? opt->workers : 1;
    if (n > jobs->n)
        n = jobs->n;
    worker *ws = xcalloc((size_t)(n ? n : 1), sizeof *ws);
    for (int i = 0; i < n; i++)
        ws[i].pid = -1;
    int next = 0, done = 0;
    int *order = larger_first_order(jobs);
    signal(SIGPIPE, SIG_IGN);
    struct pollfd *fds = xcalloc((size_t)(n ? n : 1), sizeof *fds);
    while (done < jobs->n) {
        for (int i = 0; i < n && next < jobs->n; i++) { /* keep every worker busy */
            if (ws[i].pid < 0 && !spawn(&ws[i], jobs, opt))
                continue;
            if (ws[i].job >= 0)
                continue;
            int32_t job = order[next++];
            ws[i].job = job;
            if (!write_all(ws[i].to, &job, sizeof job))
                collect(&ws[i], jobs, units, failures, opt), done++;
        }
        int polled = 0;
        for (int i = 0; i < n; i++)
            if (ws[i].pid >= 0 && ws[i].job >= 0)
                fds[polled++] = (struct pollfd){ws[i].from, POLLIN, 0};
        if (polled == 0)
            break;
        if (poll(fds, (nfds_t)polled, -1) < 0 && errno != EINTR)
            break;
        for (int i = 0; i < n; i++) {
            if (ws[i].pid < 0 || ws[i].job < 0)
                continue;
            for (int k = 0; k < polled; k++)
                if (fds[k].fd == ws[i].from && fds[k].revents) {
                    collect(&ws[i], jobs, units, failures, opt);
                    progress(opt, ++done, jobs->n);
                }
        }
    }
    for (int i = 0; i < n; i++) {
        if (ws[i].pid < 0)
            continue;
        int32_t stop = -1;
        write_all(ws[i].to, &stop, sizeof stop);
        close(ws[i].to);
        close(ws[i].from);
        waitpid(ws[i].pid, NULL, 0);
    }
    if (opt->progress)
        fputs("\r\033[K", stderr);
    free(fds);
    free(ws);
    free(order);
}
