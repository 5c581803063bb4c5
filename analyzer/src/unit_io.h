/* A lowered translation unit as text, so that it can cross a process boundary (a worker parses,
 * the parent analyzes) and be kept in the results database (the incremental cache). */
#ifndef VC_UNIT_IO_H
#define VC_UNIT_IO_H

#include "unit.h"

#include <jansson.h>

/* malloc'd text (no NUL inside, so it can be handled as a C string). */
char *unit_serialize(const vc_unit *u);
/* NULL with a message in err when the text is not a unit. */
vc_unit *unit_deserialize(const char *text, char *err, int errlen);

/* A region bound (c + k * variables) as [c, atom, k, ...]. */
json_t *unit_bound_json(vc_bound b);
vc_bound unit_bound_from(json_t *j);

#endif
