/* The checking pass over the whole program, in cfg->workers processes when there is enough to
 * share. */
#ifndef VC_CHECK_WORKERS_H
#define VC_CHECK_WORKERS_H

#include "analysis.h"

/* flow_analyze with reporting on definitions defs[0..n) of p: the findings of defs[i] go to
 * found[i], except where skip[i] (their findings are known already). */
void check_functions(const vc_program *p, const vc_config *cfg, const int *defs, int n,
                     const bool *skip, vc_findings *found);
/* Moves found[0..n) to `out` in order, the first of two findings on one rule and line kept: the
 * findings one process checking defs in order would have produced. */
void check_merge(vc_findings *found, int n, vc_findings *out);

#endif
