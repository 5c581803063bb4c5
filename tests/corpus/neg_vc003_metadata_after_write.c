/* A column view is taken, the matrix is then overwritten through the matrix itself, and the view
 * is afterwards only inspected: nda_size, nda_shape, nda_ndim, nda_base and nda_may_share_memory.
 * rules.md: "Metadata calls ... are not reads of memory", so there is no stale read of the view.
 * Expected: no finding. */
#include <nda.h>

#include <stdio.h>

int main(void)
{
    const ptrdiff_t shape[2] = {3, 4};
    nda_array *m = nda_full(NDA_FLOAT64, 2, shape, 1.0);
    nda_array *c = nda_col(m, 1);

    nda_fill(m, 7.0);

    printf("column: ndim %d, %td elements, shape[0] = %td\n", nda_ndim(c), nda_size(c),
           nda_shape(c)[0]);
    printf("base is m: %d, shares memory with m: %d\n", nda_base(c) == m,
           nda_may_share_memory(c, m));
    nda_release(c);
    nda_print(stdout, m);
    putchar('\n');
    nda_release(m);
    return 0;
}
