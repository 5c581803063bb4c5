/* CI gating: an earlier run (a results database or a SARIF file) whose findings, matched by
 * fingerprint, are not reported again. */
#ifndef VC_BASELINE_H
#define VC_BASELINE_H

#include "findings.h"
#include "strmap.h"

/* Loads the fingerprints of the newest run in a results database, or of a SARIF file's results
 * (partialFingerprints.primaryLocationLineHash). False with a message naming the file. */
bool baseline_load(const char *path, strmap *fingerprints, char *err, int errlen);
/* Drops the findings whose fingerprint the baseline holds; returns how many were dropped. */
int baseline_filter(vc_findings *fs, const strmap *fingerprints);

#endif
