/* Global handles: g_buf (buffer.c) and the window view g_win of it (window.c). No finding in a
 * header. */
#ifndef BUFFER_H
#define BUFFER_H

#include <nda.h>

extern nda_array *g_buf;
extern nda_array *g_win;

int buffer_init(ptrdiff_t n);
void buffer_free(void);
int window_open(ptrdiff_t lo, ptrdiff_t hi);
double window_mean(void);
void window_close(void);

#endif
