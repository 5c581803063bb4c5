/* The checking pass over the whole program, in cfg->workers processes when there is enough to
 * share. */
#ifndef VC_CHECK_WORKERS_H
#define VC_CHECK_WORKERS_H

#include "analysis.h"

/* flow_analyze with reporting on definitions defs[0..n) of p, findings appended to `out` in the
 * order one process would append them. */
void check_functions(const vc_program *p, const vc_config *cfg, const int *defs, int n,
                     vc_findings *out);

#endif
