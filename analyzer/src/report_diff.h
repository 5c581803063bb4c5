/* viewcheck report --diff OLD NEW: what changed between two stored runs, by fingerprint. */
#ifndef VC_REPORT_DIFF_H
#define VC_REPORT_DIFF_H

#include "store.h"

#include <stdbool.h>
#include <stdio.h>

/* Prints the new, fixed and still-present findings (text, or JSON when `json`). False with a
 * message in err when a run cannot be read. */
bool report_diff(FILE *out, vc_store *store, long long old_run, long long new_run, bool json,
                 char *err, int errlen);

#endif
