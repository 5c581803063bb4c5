/* struct image holds a 2-D base and one row view per row (made in image.c); filters.c writes
 * rows. No finding in a header. */
#ifndef IMAGE_H
#define IMAGE_H

#include <nda.h>

#define IMAGE_ROWS 4

struct image {
    nda_array *base;
    nda_array *rows[IMAGE_ROWS];
};

int image_open(struct image *im, ptrdiff_t width);
void image_close(struct image *im);
void image_fill_row(struct image *im, int i, double v);

#endif
