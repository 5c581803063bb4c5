/* The fixture project's own header: it lives in include/, which only the compile database's
 * -I flag makes visible, so an analysis that ignores the database's flags fails to parse. */
#ifndef IMAGING_H
#define IMAGING_H

#include <nda.h>

#define IMAGING_HEADER_LEN 3

double imaging_total(const nda_array *frame);
void imaging_normalize_rows(nda_array *m);

double frame_mark_header(nda_array *frame);
double frame_change(nda_array *u);
double frame_clip_header(nda_array *frame);

int buffer_grow(void);
double buffer_use_after_release(void);

#endif
