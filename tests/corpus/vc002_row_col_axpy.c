/* Tries to make a matrix antisymmetric row by row: row_i -= col_i. Row i and column i of a
 * square matrix share the element [i,i], so the output of nda_axpy partially overlaps its input:
 * VC002 at the nda_axpy call in the loop (reported once). Each call returns NDA_EOVERLAP. */
#include <nda.h>

#include <stdio.h>

int main(void)
{
    const ptrdiff_t n = 3;
    const ptrdiff_t shape[2] = {n, n};
    const double v[9] = {0, 2, 5, 1, 0, 7, 3, 4, 0};
    nda_array *m = nda_from_values(NDA_FLOAT64, 2, shape, v);

    int failures = 0;
    for (ptrdiff_t i = 0; i < n; i++) {
        nda_array *r = nda_row(m, i);
        nda_array *c = nda_col(m, i);
        if (nda_axpy(r, -1.0, c) != NDA_OK) // expect: VC002
            failures++;
        nda_release(c);
        nda_release(r);
    }
    printf("%d rows refused\n", failures);
    nda_print(stdout, m);
    putchar('\n');
    nda_release(m);
    return 0;
}
