/* Whole-program analysis: every translation unit's functions summarized bottom-up over the
 * program's call graph (SCCs to a fixpoint, across files), then every function checked with all
 * summaries available. */
#ifndef VC_ANALYSIS_H
#define VC_ANALYSIS_H

#include "findings.h"
#include "flow.h"
#include "models.h"
#include "strmap.h"
#include "unit.h"

typedef struct vc_program vc_program;
typedef struct vc_reuse vc_reuse;

typedef struct {
    vc_model_set *models;        /* from model files */
    const vc_rule *const *rules; /* enabled rules */
    int nrules;
    bool unknown_calls_write; /* functions without body or model write their arguments */
    /* called once per definition (def: its index, of ndefs) with its final summary, in any
     * order (the results database keeps them) */
    void (*on_summary)(void *ctx, int def, int ndefs, const vc_unit *u, const vc_function *f,
                       const vc_model *m);
    void *on_summary_ctx;
    int workers;     /* processes for the checking pass (0 or 1: this one) */
    bool verbose;    /* the time of each phase on stderr */
    vc_reuse *reuse; /* an earlier run's per-function results, and this run's (or NULL) */
} vc_config;

/* A function of the program: which unit defines it, and where. */
typedef struct {
    int unit, index;
} vc_function_ref;

struct vc_program {
    vc_unit **units;
    int nunits;
    strmap definitions; /* USR -> index into defs */
    vc_function_ref *defs;
    int ndefs;
    vc_model *summaries; /* one per definition */
    char **hashes;       /* one per definition: the hash of its final summary, once asked */
    vc_reuse *reuse;     /* with: per definition, its earlier result (-1: none), and the hash
                          * of its callees' summaries */
    int *earlier;
    char **check_inputs;
    strmap indirect;  /* function type -> index into candidates */
    int **candidates; /* per type: definitions whose address is taken, -1 terminated */
    int ncandidate_types;
    vc_model *indirect_models; /* per type: the merged summaries of its candidates */
    int **types_of_def;        /* per definition: the candidate groups it is in, -1 terminated */
    bool *reported;            /* per definition: its final summary went to cfg->on_summary */
};

/* Summarizes and checks the units (which stay owned by the caller); appends findings. */
void analyze_program(vc_unit **units, int nunits, const vc_config *cfg, vc_findings *out);
/* One unit alone. */
void analyze_unit(vc_unit *u, const vc_config *cfg, vc_findings *out);

/* For the phases that run in worker processes: */
/* summaries of one strongly connected component of the call graph, to a fixpoint
 * (summarize_scc.c) */
void program_summarize_scc(vc_program *p, const vc_config *cfg, const int *members, int n);
/* the same, and its functions checked (found: one list per member), from the same analyses
 * where no summary they depend on changed after them */
void program_summarize_and_check(vc_program *p, const vc_config *cfg, const int *members, int n,
                                 vc_findings *found);
bool program_calls_itself(const vc_program *p, int def);
bool program_same_summary(const vc_model *a, const vc_model *b);
/* the merged summaries of calls through pointers that have one of defs[0..n) among their
 * candidates, after those summaries changed */
void program_refresh_indirect_for(const vc_program *p, const int *defs, int n);
/* The definition's final summary to cfg->on_summary (once). */
void program_report_summary(vc_program *p, const vc_config *cfg, int def);
/* visit(ctx, callee) for each definition that definition `def` calls, directly or as a
 * candidate of a call through a pointer (a callee may come more than once) */
void program_for_each_callee(const vc_program *p, int def, void (*visit)(void *ctx, int callee),
                             void *ctx);

/* The summary of a call's callee, or NULL (no body anywhere in the program). */
const vc_model *program_summary(const vc_program *p, const vc_unit *u, const vc_instr *call);

/* flow.c: one function. `out` NULL means no reporting (summary phase); `summary` receives the
 * function's effects. */
void flow_analyze(const vc_program *p, int unit, int fn, const vc_config *cfg, vc_findings *out,
                  vc_model *summary);

#endif
