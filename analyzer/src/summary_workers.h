/* The summary phase over the whole program, each component of the call graph once its callees
 * are settled, in cfg->workers processes. */
#ifndef VC_SUMMARY_WORKERS_H
#define VC_SUMMARY_WORKERS_H

#include "analysis.h"

/* Functions checked while the summaries are still being computed (by workers that would be
 * idle otherwise: a function can be checked once its component is settled), per position in
 * the order. */
typedef struct {
    vc_findings *found;
    bool *done;  /* found[i] is final */
    bool *asked; /* the earlier run was asked for position i's findings (done says the answer) */
} vc_early_checks;

/* order: definitions, callees first, grouped by strongly connected component (scc_of). early:
 * NULL, or where to check functions early. */
void summarize_program(vc_program *p, const vc_config *cfg, const int *order, const int *scc_of,
                       int norder, vc_early_checks *early);

#endif
