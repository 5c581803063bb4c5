/* Global handles shared by four files: g_frame and g_roi, a view of it, are defined and made in
 * globals.c. No finding in a header. */
#ifndef FRAMES_H
#define FRAMES_H

#include <nda.h>

extern nda_array *g_frame;
extern nda_array *g_roi;

int frames_init(ptrdiff_t n);
void frames_shutdown(void);
void brighten(nda_array *x, double s);
void report(void);

#endif
