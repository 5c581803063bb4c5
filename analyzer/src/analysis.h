/* Analysis of a translation unit: summaries bottom-up over the call graph, then every function
 * checked with the rules. */
#ifndef VC_ANALYSIS_H
#define VC_ANALYSIS_H

#include "findings.h"
#include "flow.h"
#include "models.h"
#include "unit.h"

typedef struct {
    vc_model_set *models;        /* from model files */
    const vc_rule *const *rules; /* enabled rules */
    int nrules;
    bool unknown_calls_write; /* functions without body or model write their arguments */
} vc_config;

/* Analyzes the unit's functions and appends findings. */
void analyze_unit(vc_unit *u, const vc_config *cfg, vc_findings *out);

/* flow.c: one function. `summaries` has one model per unit function (computed so far);
 * `out` NULL means no reporting (summary phase); `summary` receives the function's effects. */
void flow_analyze(vc_unit *u, int fn, const vc_config *cfg, vc_model *summaries, vc_findings *out,
                  vc_model *summary);

#endif
