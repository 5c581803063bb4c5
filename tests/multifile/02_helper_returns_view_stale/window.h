/* Window helpers in three files: take_window returns a view (window.c), decay writes (update.c),
 * window_mean reads (window.c). No finding in a header. */
#ifndef WINDOW_H
#define WINDOW_H

#include <nda.h>

nda_array *take_window(nda_array *a, ptrdiff_t lo, ptrdiff_t hi);
double window_mean(const nda_array *w);
void decay(nda_array *a, double factor);

#endif
