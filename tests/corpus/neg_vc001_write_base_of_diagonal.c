/* Computes the trace through the diagonal (a read-only view) and then normalises the matrix by
 * writing through m itself, while the diagonal view is still alive. m is an ordinary writeable
 * array: read-only-ness belongs to the view, not to the memory, so writes through m are not VC001.
 * The diagonal is not read after the write (no VC003). Expected: no finding. */
#include <nda.h>

#include <stdio.h>

int main(void)
{
    const ptrdiff_t shape[2] = {3, 3};
    const double v[9] = {2, 1, 0, 1, 3, 1, 0, 1, 5};
    nda_array *m = nda_from_values(NDA_FLOAT64, 2, shape, v);
    nda_array *d = nda_diagonal(m);

    double trace = nda_sum(d);
    nda_scale(m, 1.0 / trace);
    nda_set2(m, 0, 2, 0.0);
    printf("diagonal has %td entries, trace was %g\n", nda_size(d), trace);

    nda_release(d);
    nda_print(stdout, m);
    putchar('\n');
    nda_release(m);
    return 0;
}
