/* image_open fills the base before making the row views, image_print reads only the base,
 * image_close only releases. No finding: nothing writes the base after its rows were made (no
 * VC003), and nda_release is not a "use" for VC004 (tests/corpus/README.md). */
#include "image.h"

#include <stdio.h>

int image_open(struct image *im, const double *values, ptrdiff_t width)
{
    const ptrdiff_t shape[2] = {IMAGE_ROWS, width};
    im->base = nda_from_values(NDA_FLOAT64, 2, shape, values);
    if (!im->base)
        return -1;
    for (int i = 0; i < IMAGE_ROWS; i++)
        im->rows[i] = nda_row(im->base, i);
    return 0;
}

void image_print(const struct image *im)
{
    nda_print(stdout, im->base);
    putchar('\n');
}

void image_close(struct image *im)
{
    for (int i = 0; i < IMAGE_ROWS; i++)
        nda_release(im->rows[i]);
    nda_release(im->base);
}
