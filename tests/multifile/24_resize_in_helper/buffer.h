/* buffer_tail (tail.c) returns a view of the last k elements; buffer_grow (grow.c) resizes. No
 * finding in a header. */
#ifndef BUFFER_H
#define BUFFER_H

#include <nda.h>

nda_array *buffer_tail(nda_array *a, ptrdiff_t k);
nda_status buffer_grow(nda_array *a, ptrdiff_t n);

#endif
