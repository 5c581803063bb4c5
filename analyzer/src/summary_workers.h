/* The summary phase over the whole program, level by level of the call graph, in cfg->workers
 * processes where a level has enough functions to share. */
#ifndef VC_SUMMARY_WORKERS_H
#define VC_SUMMARY_WORKERS_H

#include "analysis.h"

/* order: definitions, callees first, grouped by strongly connected component (scc_of). */
void summarize_program(vc_program *p, const vc_config *cfg, const int *order, const int *scc_of,
                       int norder);

#endif
