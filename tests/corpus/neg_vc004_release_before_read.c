/* Normalises each row of a matrix in place through a row view and prints the matrix only after
 * the row view is released: rules.md's own example of what views are for ("finish with (release)
 * V before reading B if an in-place update was meant"). The view is never used after m is read.
 * Expected: no finding. */
#include <nda.h>

#include <stdio.h>

int main(void)
{
    const ptrdiff_t shape[2] = {3, 4};
    const double v[12] = {1, 1, 1, 1, 0, 2, 2, 0, 5, 1, 3, 1};
    nda_array *m = nda_from_values(NDA_FLOAT64, 2, shape, v);

    for (ptrdiff_t i = 0; i < 3; i++) {
        nda_array *r = nda_row(m, i);
        nda_scale(r, 1.0 / nda_sum(r));
        printf("row %td sums to %g\n", i, nda_sum(r));
        nda_release(r);
        nda_print(stdout, m);
        putchar('\n');
    }
    nda_release(m);
    return 0;
}
