/* Mutual recursion across two files: bisect_fill (fill.c) fills small segments and otherwise calls
 * bisect_split (split.c), which fills each half through bisect_fill. No finding in a header. */
#ifndef BISECT_H
#define BISECT_H

#include <nda.h>

void bisect_fill(nda_array *seg, double v, int depth);
void bisect_split(nda_array *seg, double v, int depth);

#endif
