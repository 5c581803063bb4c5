/* window_head (window.c) returns a view of the first three elements, sample_head (sample.c) a
 * copy of them; each file does it through its own static pick(). No finding in a header. */
#ifndef PICK_H
#define PICK_H

#include <nda.h>

nda_array *window_head(nda_array *a);
nda_array *sample_head(nda_array *a);

#endif
