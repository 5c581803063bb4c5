/* Shifts a history buffer by one slot with memcpy on the raw data pointer before storing the
 * newest value. memcpy's contract is "no overlap at all", and p + 1 .. p + n-1 overlaps
 * p .. p + n-2: VC002 at the memcpy call (memmove was needed). */
#include <nda.h>

#include <stdio.h>
#include <string.h>

int main(void)
{
    const ptrdiff_t n = 6;
    const ptrdiff_t shape[1] = {n};
    const double h[6] = {6, 5, 4, 3, 2, 1};
    nda_array *hist = nda_from_values(NDA_FLOAT64, 1, shape, h);
    double *p = nda_data(hist);

    memcpy(p + 1, p, (size_t)(n - 1) * sizeof *p); // expect: VC002
    p[0] = 7.0;

    nda_print(stdout, hist);
    putchar('\n');
    nda_release(hist);
    return 0;
}
