/* flat_of (flat.c) returns a maybe-view (nda_ravel); poke_first (poke.c) writes element 0. No
 * finding in a header. */
#ifndef FLAT_H
#define FLAT_H

#include <nda.h>

nda_array *flat_of(const nda_array *a);
void poke_first(nda_array *x, double v);

#endif
