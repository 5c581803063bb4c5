/* Parsing and lowering in worker processes: a libclang crash, a stack overflow, a time-out or an
 * exhausted memory limit in one file ends one worker, is reported as a failure of that file,
 * and the run goes on. Workers send lowered units back to the parent as JSON. */
#ifndef VC_WORKERS_H
#define VC_WORKERS_H

#include "compdb.h"
#include "report.h"
#include "unit.h"

typedef struct {
    int workers;          /* processes at once */
    unsigned timeout;     /* seconds per file, 0: none */
    unsigned long memory; /* MiB per worker, 0: none */
    bool progress;        /* a progress line on stderr */
} vc_worker_options;

/* Lowers every job; units[i] is job i's unit (NULL when it failed: the failure is added). */
void workers_lower(const vc_jobs *jobs, const vc_worker_options *opt, vc_unit **units,
                   vc_failures *failures);
void failures_add(vc_failures *f, const char *file, const char *reason);
void failures_free(vc_failures *f);

#endif
