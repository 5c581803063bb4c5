/* Splits an array at its middle with pointer arithmetic on nda_data (mid = p + n/2), releases the
 * array, then sums the upper half through `mid`. A pointer made by arithmetic on a data pointer is
 * a handle too (rules.md): VC007 at the first dereference after the release, in the loop body. */
#include <nda.h>
#include <stdio.h>

int main(void)
{
    const ptrdiff_t n = 8;
    nda_array *a = nda_full(NDA_FLOAT64, 1, &n, 0.25);
    if (!a)
        return 1;
    double *p = nda_data(a);
    const double *mid = p + n / 2;
    printf("value at split %g\n", *mid);
    nda_release(a);
    double upper = 0.0;
    for (ptrdiff_t i = 0; i < n - n / 2; i++)
        upper += mid[i]; // expect: VC007
    printf("upper half sum %g\n", upper);
    return 0;
}
