/* A global histogram g_hist, made, updated and released by hist.c. No finding in a
 * header. */
#ifndef HIST_H
#define HIST_H

#include <nda.h>

extern nda_array *g_hist;

int hist_init(ptrdiff_t bins);
void hist_add(ptrdiff_t bin);
void hist_shutdown(void);

#endif
