/* One large strongly connected component summarized in rounds of fixed shares. The shares of a
 * round can be analyzed anywhere (summary pool workers, this process) and in any order; their
 * results are installed together when the round is complete. */
#ifndef VC_SUMMARY_BIG_H
#define VC_SUMMARY_BIG_H

#include "analysis.h"
#include "summary_pool.h"

typedef struct big_run big_run;

big_run *big_begin(vc_program *p, const vc_config *cfg, const int *members, int n);
/* A share of the round not handed out yet, the heaviest first: its definitions to analyze in
 * order (*defs, *n); -1 when every share of the round is out. */
int big_take_share(big_run *b, const int **defs, int *n);
/* The share's summaries, one per definition in order (taken over; texts: their JSON for the
 * log, taken over too, or NULL). */
void big_share_done(big_run *b, int share, vc_model *got, char **texts);
/* The share analyzed in this process. */
void big_share_here(big_run *b, int share);
bool big_round_complete(const big_run *b);
/* The round's summaries installed (the changed ones added to log unless it is NULL); true when
 * the component is settled (or BIG_ROUNDS are done), else the next round is planned. */
bool big_end_round(big_run *b, summary_log *log);
/* Frees it; returns the number of rounds. */
int big_finish(big_run *b);

/* The definitions analyzed in order, each seeing the new summaries of those before it; the
 * program's summaries are left as they were, the new ones go to results. */
void big_analyze_share(vc_program *p, const vc_config *cfg, const int *defs, int n,
                       vc_model *results);

/* All rounds in this process; returns the number of rounds. */
int summarize_big(vc_program *p, const vc_config *cfg, const int *members, int n);

#endif
