/* Findings as compact JSON, every field the checking pass produces kept: for worker processes
 * and for the findings an earlier run computed for a function. */
#ifndef VC_FINDINGS_IO_H
#define VC_FINDINGS_IO_H

#include "analysis.h"

#include <jansson.h>

json_t *finding_json(const vc_finding *fd);
/* Appends the finding `j` holds to out; false when j is not a finding of one of cfg's rules. */
bool finding_from_json(json_t *j, const vc_config *cfg, vc_findings *out);

/* A whole list, as text (caller frees), and back (false, out unchanged, when damaged). */
char *findings_text(const vc_findings *fs);
bool findings_from_text(const char *text, const vc_config *cfg, vc_findings *out);

#endif
