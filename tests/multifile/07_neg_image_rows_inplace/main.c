/* True negative: rows are updated in place (filters.c and here), the base is printed, and the rows
 * are afterwards only released by image_close (image.c): no VC004, since V is not "used again".
 * A file-at-a-time analyzer, taking the unseen image_close as a reader of the rows, would report
 * VC004 at the nda_scale below. */
#include "image.h"

int main(void)
{
    const double v[12] = {1, 1, 2, 4, 0, 5, 5, 0, 3, 3, 3, 3};
    struct image im;
    if (image_open(&im, v, 4) != 0)
        return 1;
    image_normalize_rows(&im);
    nda_scale(im.rows[0], 10.0);
    image_print(&im);
    image_close(&im);
    return 0;
}
