/* Each step updates a grid through the grid itself and only then takes a view of its first row
 * to report it; the view is released before the next update. VC003 needs the write to come
 * "after V was made": here every row view is made after the writes it observes, so none of its
 * reads is stale. Expected: no finding. */
#include <nda.h>

#include <stdio.h>

int main(void)
{
    const ptrdiff_t shape[2] = {3, 3};
    nda_array *grid = nda_full(NDA_FLOAT64, 2, shape, 1.0);
    nda_array *src = nda_full(NDA_FLOAT64, 2, shape, 0.25);

    for (int step = 0; step < 3; step++) {
        nda_axpy(grid, 1.0, src);
        nda_array *top = nda_row(grid, 0);
        printf("step %d: top row sum %g\n", step, nda_sum(top));
        nda_release(top);
    }
    nda_release(src);
    nda_release(grid);
    return 0;
}
