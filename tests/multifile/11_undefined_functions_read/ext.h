/* Functions of an outside library that is not part of the analyzed code: declared, never defined
 * here. rules.md: "Functions with no model and no body ... are assumed to read their array
 * arguments and not to write them". No finding in a header. */
#ifndef EXT_H
#define EXT_H

#include <nda.h>

void ext_log(const char *tag, nda_array *a);
double ext_checksum(nda_array *a);

double calibrate(nda_array *frame);
double drift(nda_array *frame);

#endif
