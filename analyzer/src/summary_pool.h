/* Worker processes that summarize strongly connected components, check functions and analyze
 * shares of a large component's rounds, on request. They are forked with the program in memory;
 * before each task, a worker is sent the summaries settled since it last heard (it has all the
 * task's callees then), and it answers with summaries or the function's findings. */
#ifndef VC_SUMMARY_POOL_H
#define VC_SUMMARY_POOL_H

#include "analysis.h"

/* Settled summaries in the order they were settled, as JSON text, with the worker that computed
 * each (-1: this process). */
typedef struct {
    int *defs;
    char **texts;
    int *from;
    int n, cap;
} summary_log;

void summary_log_add(summary_log *log, int def, char *text, int from);
void summary_log_free(summary_log *log);

typedef struct summary_pool summary_pool;

/* NULL when no worker could be started. order: the definitions, components contiguous. */
summary_pool *summary_pool_start(vc_program *p, const vc_config *cfg, const int *order, int workers,
                                 const summary_log *log);
int summary_pool_alive(const summary_pool *pool);
int summary_pool_busy(const summary_pool *pool);
/* Workers found dead (their tasks were given back). */
int summary_pool_deaths(const summary_pool *pool);
/* A live worker with nothing to do, or -1. */
int summary_pool_idle(const summary_pool *pool);
/* Some busy worker has answered (summary_pool_wait would not block). */
bool summary_pool_answered(const summary_pool *pool);
/* Worker w summarizes order[start .. start + n) as `task`, and with `check` checks them too,
 * their findings to found[start .. start + n); false when it cannot be reached (it is then
 * dead). */
bool summary_pool_send(summary_pool *pool, int w, const summary_log *log, int task, int start,
                       int n, bool check);
/* Worker w checks definition `def` as `task`; its findings go to found[task]. */
bool summary_pool_send_check(summary_pool *pool, int w, const summary_log *log, int task, int def);
/* Worker w analyzes one share of a large component's round as `task` (big_analyze_share). */
bool summary_pool_send_share(summary_pool *pool, int w, const summary_log *log, int task,
                             const int *defs, int n);

typedef enum { POOL_SUMMARY, POOL_CHECK, POOL_SHARE } pool_task_kind;

typedef struct {
    int task;
    pool_task_kind kind;
    bool ok;       /* false: the worker is dead and the task undone */
    int n;         /* POOL_SHARE: the share's n summaries in order, and their texts */
    vc_model *got; /* (the caller's to free) */
    char **texts;
} pool_answer;

/* Waits for a busy worker to answer. A summary task's summaries are installed in the program
 * and added to the log; a check's findings are in found[task]; a share's summaries are
 * returned. */
pool_answer summary_pool_wait(summary_pool *pool, summary_log *log, vc_findings *found);
void summary_pool_stop(summary_pool *pool);

#endif
