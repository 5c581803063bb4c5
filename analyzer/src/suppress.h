/* Suppression comments (`// viewcheck: ignore [IDS] [-- reason]` on the reported line or the line
 * above) and fingerprints that survive unrelated edits. */
#ifndef VC_SUPPRESS_H
#define VC_SUPPRESS_H

#include "findings.h"
#include "strmap.h"
#include "unit.h"

/* Marks findings [from, fs->n) as suppressed where a comment in their file says so. */
void suppress_apply(vc_findings *fs, int from, vc_unit *const *units, int nunits, strmap *used);
/* Adds a finding of `rule` for each suppression comment that silenced nothing. */
void suppress_report_unused(vc_findings *fs, vc_unit *const *units, int nunits, const strmap *used,
                            const char *rule, const char *level);
/* Parses one source line: does it suppress `rule`? Sets *reason (malloc'd) when given. */
bool suppress_line_matches(const char *line, const char *rule, char **reason);
/* rule + file + function + whitespace-normalized primary line text, hashed. */
/* fingerprint.c */
void fingerprint_apply(vc_findings *fs, int from, vc_unit *const *units, int nunits,
                       const char *root);

#endif
