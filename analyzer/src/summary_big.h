/* One large strongly connected component summarized in rounds shared among processes; returns
 * the number of rounds (BIG_ROUNDS at most: the summaries may not have settled then). */
#ifndef VC_SUMMARY_BIG_H
#define VC_SUMMARY_BIG_H

#include "analysis.h"

int summarize_big(vc_program *p, const vc_config *cfg, const int *members, int n);

#endif
