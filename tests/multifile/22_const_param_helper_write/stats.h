/* robust_mean (stats.c) promises not to change its argument (const) but clips a view of it
 * through clip_inplace (clip.c). No finding in a header. */
#ifndef STATS_H
#define STATS_H

#include <nda.h>

double robust_mean(const nda_array *x, double limit);
void clip_inplace(nda_array *x, double limit);

#endif
