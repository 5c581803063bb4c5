/* Normalises each row of a matrix to sum 1 through a row view, but prints the whole matrix for
 * debugging while the row view is still in use (its sum is checked afterwards). Write through
 * r, read of m (not derived from r), then r used again: VC004 at the nda_scale (one finding for
 * the line, although the loop repeats it). Fix: check r before printing m, or release r first. */
#include <nda.h>

#include <stdio.h>

int main(void)
{
    const ptrdiff_t shape[2] = {3, 4};
    const double v[12] = {1, 1, 1, 1, 0, 2, 2, 0, 5, 1, 3, 1};
    nda_array *m = nda_from_values(NDA_FLOAT64, 2, shape, v);

    for (ptrdiff_t i = 0; i < 3; i++) {
        nda_array *r = nda_row(m, i);
        nda_scale(r, 1.0 / nda_sum(r)); // expect: VC004
        nda_print(stdout, m);
        putchar('\n');
        printf("row %td sums to %g\n", i, nda_sum(r));
        nda_release(r);
    }
    nda_release(m);
    return 0;
}
