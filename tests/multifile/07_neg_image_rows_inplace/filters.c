/* image_normalize_rows scales each row view by its own sum: each row is read, then written, and
 * rows are different rows of the base. No finding: "provably disjoint regions (constant slice
 * bounds, different rows) never conflict" (rules.md). */
#include "image.h"

void image_normalize_rows(struct image *im)
{
    for (int i = 0; i < IMAGE_ROWS; i++) {
        double s = nda_sum(im->rows[i]);
        if (s != 0.0)
            nda_scale(im->rows[i], 1.0 / s);
    }
}
