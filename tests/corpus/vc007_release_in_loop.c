/* Scales each row of a matrix into a scratch vector made once before the loop, but releases the
 * scratch vector at the end of every iteration, as if it were made per row. From the second
 * iteration on the copyto writes a released handle: VC007 (first use after the release). */
#include <nda.h>
#include <stdio.h>

int main(void)
{
    const ptrdiff_t shape[2] = {3, 4};
    nda_array *m = nda_full(NDA_FLOAT64, 2, shape, 1.0);
    const ptrdiff_t n = 4;
    nda_array *scratch = nda_zeros(NDA_FLOAT64, 1, &n);
    if (!m || !scratch)
        return 1;
    for (ptrdiff_t i = 0; i < 3; i++) {
        nda_array *row = nda_row(m, i);
        nda_copyto(scratch, row); // expect: VC007
        nda_scale(scratch, (double)(i + 1));
        printf("row %td scaled sum %g\n", i, nda_sum(scratch));
        nda_release(row);
        nda_release(scratch);
    }
    nda_release(m);
    return 0;
}
