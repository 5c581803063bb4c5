/* smooth_step (smooth.c) does one in-place stencil step on its argument. No finding in a
 * header. */
#ifndef SMOOTH_H
#define SMOOTH_H

#include <nda.h>

nda_status smooth_step(nda_array *u);

#endif
