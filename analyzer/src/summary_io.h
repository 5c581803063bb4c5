/* Function summaries (models of what a function does) as JSON, every field kept. */
#ifndef VC_SUMMARY_IO_H
#define VC_SUMMARY_IO_H

#include "models.h"

#include <jansson.h>
#include <stdio.h>

json_t *summary_json(const vc_model *m);
/* The same as one line of compact JSON (caller frees). */
char *summary_text(const vc_model *m);

/* Summaries between processes, one line each: "index json". */
void summary_line_write(FILE *out, int index, const vc_model *m);
/* Reads "index json" with 0 <= index < limit into *index and m (appended); false when damaged.
 * *json_at, unless NULL, points at the JSON text within line. */
bool summary_line_read(const char *line, int limit, int *index, vc_model *m, const char **json_at);
/* m's effects replace dst's (its function and origin stay); m is taken over. */
void summary_install(vc_model *dst, vc_model m);
/* Appends the effects of `j` to m; false when j is not a summary. */
bool summary_from_json(json_t *j, vc_model *m);

#endif
