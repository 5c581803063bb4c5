/* A tile of an image is filled through its view, its first row is checked through a sub-view
 * taken from the tile, and the tile is then scaled again. The sub-view is derived from the tile,
 * and VC004 only counts reads "through a handle B not derived from V"; the image itself is read
 * only after the tile is released. Expected: no finding. */
#include <nda.h>

#include <stdio.h>

int main(void)
{
    const ptrdiff_t shape[2] = {4, 4};
    nda_array *img = nda_zeros(NDA_FLOAT64, 2, shape);
    nda_array *tile = nda_slice(img, 0, 0, 2, 1);

    nda_fill(tile, 8.0);
    nda_array *first = nda_row(tile, 0);
    printf("tile row 0 sum %g\n", nda_sum(first));
    nda_release(first);
    nda_scale(tile, 0.25);
    nda_release(tile);

    nda_print(stdout, img);
    putchar('\n');
    nda_release(img);
    return 0;
}
