/* main has row 2 written through its row view (filters.c), prints the base, then sums row 2 again:
 * VC004 ("a write through a derived handle V ... afterwards read through a handle B not derived
 * from V, and V is used again"), at the image_fill_row call, the outermost function where both
 * im.rows[2] and im.base are visible (rules.md). */
#include "image.h"

#include <stdio.h>

int main(void)
{
    struct image im;
    if (image_open(&im, 5) != 0)
        return 1;
    image_fill_row(&im, 2, 7.0); // expect: VC004
    nda_print(stdout, im.base);
    putchar('\n');
    printf("row 2 sum %g\n", nda_sum(im.rows[2]));
    image_close(&im);
    return 0;
}
