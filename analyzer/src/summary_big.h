/* One large strongly connected component summarized in rounds shared among processes. */
#ifndef VC_SUMMARY_BIG_H
#define VC_SUMMARY_BIG_H

#include "analysis.h"

void summarize_big(vc_program *p, const vc_config *cfg, const int *members, int n);

#endif
