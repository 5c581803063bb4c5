/* After the last release of an array its raw data pointer dangles, and after free() so does the
 * scratch pointer; but `sizeof *p` does not evaluate its operand (C11 6.5.3.4p2), so sizing a new
 * buffer from a dead pointer's element type (the `q = malloc(n * sizeof *q)` idiom) reads no
 * memory. No finding in this file. */
#include <nda.h>
#include <stdio.h>
#include <stdlib.h>

int main(void)
{
    const ptrdiff_t n = 4;
    nda_array *a = nda_full(NDA_FLOAT64, 1, &n, 1.5);
    if (!a)
        return 1;
    double *p = nda_data(a);
    printf("first %g\n", p[0]);
    nda_release(a);
    double *scratch = malloc((size_t)n * sizeof *p);
    if (!scratch)
        return 1;
    for (ptrdiff_t i = 0; i < n; i++)
        scratch[i] = (double)i;
    printf("last %g\n", scratch[n - 1]);
    free(scratch);
    printf("%zu-byte elements, %zu-byte scratch items\n", sizeof p[0], sizeof *scratch);
    return 0;
}
