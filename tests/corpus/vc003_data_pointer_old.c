/* A heat-transfer step wants to print each cell's temperature change. It keeps the old values as
 * a raw data pointer (derived from temps) instead of copying them, then updates temps through
 * temps itself and reads through the pointer: VC003 at the first stale read `*(old + i)`
 * (reported once for the loop). Every change prints as 0. */
#include <nda.h>

#include <stdio.h>

int main(void)
{
    const ptrdiff_t n = 4;
    const ptrdiff_t shape[1] = {n};
    const double t0[4] = {20.0, 25.0, 30.0, 35.0};
    const double f0[4] = {1.0, -2.0, 0.5, 0.0};
    nda_array *temps = nda_from_values(NDA_FLOAT64, 1, shape, t0);
    nda_array *flux = nda_from_values(NDA_FLOAT64, 1, shape, f0);

    const double *old = nda_data(temps);
    nda_axpy(temps, 0.2, flux);
    for (ptrdiff_t i = 0; i < n; i++) {
        double change = nda_get1(temps, i) - *(old + i); // expect: VC003
        printf("cell %td: %+g\n", i, change);
    }

    nda_release(flux);
    nda_release(temps);
    return 0;
}
