/* Overwrites a band of a 4x4 grid with a pattern: the first two rows, or the first two columns
 * when GRID_BY_COLUMN is set, reshaped to one vector of 8. Rows are contiguous (reshape -> view),
 * columns are not (-> copy), so whether `band` changes is decided at run time: VC005 at copyto. */
#include <nda.h>
#include <stdio.h>
#include <stdlib.h>

int main(void)
{
    const ptrdiff_t gshape[2] = {4, 4};
    nda_array *grid = nda_zeros(NDA_FLOAT64, 2, gshape);
    if (!grid)
        return 1;
    int axis = getenv("GRID_BY_COLUMN") ? 1 : 0;
    nda_array *band = nda_slice(grid, axis, 0, 2, 1); /* 2x4 rows or 4x2 columns */
    const ptrdiff_t vshape[1] = {8};
    const double pattern[8] = {1, 2, 3, 4, 5, 6, 7, 8};
    nda_array *patch = nda_from_values(NDA_FLOAT64, 1, vshape, pattern);
    /* Run time: rows -> block is a VIEW of band; columns -> block is a COPY. */
    nda_array *block = nda_reshape(band, 1, vshape);
    if (!band || !patch || !block)
        return 1;
    nda_copyto(block, patch); // expect: VC005
    printf("band sum: %g\n", nda_sum(band));
    nda_release(block);
    nda_release(patch);
    nda_release(band);
    nda_release(grid);
    return 0;
}
