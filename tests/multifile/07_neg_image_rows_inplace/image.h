/* struct image holds a 2-D base and one row view per row (image.c); filters.c normalizes rows in
 * place. No finding in a header. */
#ifndef IMAGE_H
#define IMAGE_H

#include <nda.h>

#define IMAGE_ROWS 3

struct image {
    nda_array *base;
    nda_array *rows[IMAGE_ROWS];
};

int image_open(struct image *im, const double *values, ptrdiff_t width);
void image_print(const struct image *im);
void image_close(struct image *im);
void image_normalize_rows(struct image *im);

#endif
