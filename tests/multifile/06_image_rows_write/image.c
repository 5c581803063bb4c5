/* image_open makes the base and its row views; image_close releases them. No finding here:
 * making views and releasing them are no conflicting accesses (nda_release is not a "use" for
 * VC004, tests/corpus/README.md). */
#include "image.h"

int image_open(struct image *im, ptrdiff_t width)
{
    const ptrdiff_t shape[2] = {IMAGE_ROWS, width};
    im->base = nda_zeros(NDA_FLOAT64, 2, shape);
    if (!im->base)
        return -1;
    for (int i = 0; i < IMAGE_ROWS; i++)
        im->rows[i] = nda_row(im->base, i);
    return 0;
}

void image_close(struct image *im)
{
    for (int i = 0; i < IMAGE_ROWS; i++)
        nda_release(im->rows[i]);
    nda_release(im->base);
}
