/* The peak is read through a row view, then the matrix is rescaled through the matrix itself (its
 * own owner) and printed; afterwards the row view is only inspected (nda_size) and released.
 * VC004 concerns writes "through a derived handle V"; writes through the owner followed by reads
 * of the owner are ordinary, and the row view is never read after the write (no VC003: nda_size is
 * metadata). Expected: no finding. */
#include <nda.h>

#include <stdio.h>

int main(void)
{
    const ptrdiff_t shape[2] = {2, 3};
    const double v[6] = {4, 8, 2, 1, 3, 5};
    nda_array *m = nda_from_values(NDA_FLOAT64, 2, shape, v);
    nda_array *r0 = nda_row(m, 0);

    double peak = nda_get1(r0, 1);
    nda_scale(m, 1.0 / peak);
    nda_set2(m, 1, 2, 0.0);
    nda_print(stdout, m);
    putchar('\n');
    printf("normalised by row 0 (%td entries), peak %g\n", nda_size(r0), peak);

    nda_release(r0);
    nda_release(m);
    return 0;
}
