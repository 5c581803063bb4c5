/* image_fill_row writes one row view of the image it is given. No finding here: the write is on
 * behalf of main's image, so rules.md reports its consequence at main's call. */
#include "image.h"

void image_fill_row(struct image *im, int i, double v)
{
    nda_fill(im->rows[i], v);
}
