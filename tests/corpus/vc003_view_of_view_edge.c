/* A 2-D diffusion step keeps the left edge of the top strip (a column view of a row-slice view:
 * a view of a view) as "the old boundary" for a flux estimate, then copies the new grid into the
 * old one with nda_copyto. That write goes through grid, which is neither edge nor derived from
 * it, so the later read of edge is stale: VC003 at nda_sum(edge). */
#include <nda.h>

#include <stdio.h>

int main(void)
{
    const ptrdiff_t shape[2] = {4, 4};
    nda_array *grid = nda_full(NDA_FLOAT64, 2, shape, 10.0);
    nda_array *next = nda_zeros(NDA_FLOAT64, 2, shape);

    nda_array *strip = nda_slice(grid, 0, 0, 2, 1);
    nda_array *edge = nda_col(strip, 0);

    nda_copyto(next, grid);
    nda_scale(next, 0.9);
    nda_copyto(grid, next);
    double flux = nda_sum(edge); // expect: VC003
    printf("boundary flux estimate %g\n", flux);

    nda_release(edge);
    nda_release(strip);
    nda_release(next);
    nda_release(grid);
    return 0;
}
