/* Finds the peak of some samples through the raw pointer from nda_data, releases the array, then
 * prints the first sample through the same pointer. The array's only (last) reference is gone:
 * VC007 "a raw data pointer is used after its array's last reference is released". */
#include <nda.h>
#include <stdio.h>

int main(void)
{
    const double v[5] = {0.5, 2.5, 1.5, 4.0, 3.0};
    const ptrdiff_t n = 5;
    nda_array *a = nda_from_values(NDA_FLOAT64, 1, &n, v);
    if (!a)
        return 1;
    const double *p = nda_data(a);
    double peak = p[0];
    for (ptrdiff_t i = 1; i < n; i++)
        if (p[i] > peak)
            peak = p[i];
    nda_release(a);
    printf("peak %g, first %g\n", peak, p[0]); // expect: VC007
    return 0;
}
