/* denoise (denoise.c) writes its argument, measure (measure.c) only reads; each file has its own
 * static prepare() doing that. No finding in a header. */
#ifndef SIGNAL_H
#define SIGNAL_H

#include <nda.h>

void denoise(nda_array *x);
double measure(nda_array *x);

#endif
