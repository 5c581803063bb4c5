/* Incremental whole-program analysis: what an earlier run computed for each function (its
 * summary, its findings) is taken again where everything it was computed from is unchanged: the
 * function's translation unit (its files and arguments) and the summaries of the functions it
 * calls. A component of the call graph whose members are all unchanged keeps its summaries; a
 * function whose unit and callees' summaries are unchanged keeps its findings. So touching one
 * file re-checks that file's functions and the callers of the summaries that really changed. */
#ifndef VC_PROGRAM_REUSE_H
#define VC_PROGRAM_REUSE_H

#include "analysis.h"
#include "store.h"

struct vc_reuse {
    vc_function_result *earlier; /* the last run's, indexed by key */
    int nearlier;
    strmap by_key;
    vc_function_result *now; /* this run's, in definition order */
    int nnow;
    int summaries_reused, findings_reused;
};

/* Loads the earlier results of `analysis` (the options and models that shape findings). */
void reuse_load(vc_reuse *r, vc_store *s, const char *analysis);
/* Stages this run's results for the next store_write_run. */
void reuse_save(const vc_reuse *r, vc_store *s, const char *analysis);
void reuse_free(vc_reuse *r);

/* For the analysis (p->reuse set): */
/* matches each definition with its earlier result; sets up this run's */
void program_reuse_begin(vc_program *p);
/* the component members[0..n) takes its earlier summaries when all members and the summaries
 * of everything it calls outside itself are unchanged (true: installed) */
bool program_reuse_summaries(vc_program *p, const int *members, int n, const int *scc_of);
/* the earlier findings of `def` into out when it and its callees' summaries are unchanged */
bool program_reuse_findings(vc_program *p, const vc_config *cfg, int def, vc_findings *out);
/* keeps what this run computed for `def` (its summary final, its findings `found`) */
void program_reuse_keep(vc_program *p, int def, const int *scc_of, const vc_findings *found);

#endif
