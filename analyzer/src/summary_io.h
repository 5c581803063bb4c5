/* Function summaries (models of what a function does) as JSON, every field kept. */
#ifndef VC_SUMMARY_IO_H
#define VC_SUMMARY_IO_H

#include "models.h"

#include <jansson.h>

json_t *summary_json(const vc_model *m);
/* The same as one line of compact JSON (caller frees). */
char *summary_text(const vc_model *m);
/* Appends the effects of `j` to m; false when j is not a summary. */
bool summary_from_json(json_t *j, vc_model *m);

#endif
