/* Signal helpers spread over two files: denoise() (denoise.c) calls clip_negative() (clip.c),
 * which writes its argument in place. No finding here: a header holds no access. */
#ifndef SIGNAL_H
#define SIGNAL_H

#include <nda.h>

void denoise(nda_array *x);
void clip_negative(nda_array *x);
double signal_total(const nda_array *x);

#endif
