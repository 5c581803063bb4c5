/* Draws a vertical line in an image tile: px is a column of the tile block, itself a row slice of
 * img (a view of a view). After the line is drawn through px, the whole image is printed and then
 * px is read again to count lit pixels. Write through V, read of img (not derived from px), V used
 * again: VC004 at the nda_fill. */
#include <nda.h>

#include <stdio.h>

int main(void)
{
    const ptrdiff_t shape[2] = {4, 5};
    nda_array *img = nda_zeros(NDA_FLOAT64, 2, shape);
    nda_array *block = nda_slice(img, 0, 1, 3, 1);
    nda_array *px = nda_col(block, 2);

    nda_fill(px, 255.0); // expect: VC004
    nda_print(stdout, img);
    putchar('\n');
    printf("lit pixels in the line: %g\n", nda_sum(px) / 255.0);

    nda_release(px);
    nda_release(block);
    nda_release(img);
    return 0;
}
