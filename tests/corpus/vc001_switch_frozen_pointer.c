/* Calibration constants are frozen with nda_set_writeable(cal, false). Mode 2 of the switch
 * patches one constant through the raw data pointer (`*(p + 2) = ...`), bypassing the flag:
 * "an array after nda_set_writeable(x, false) -- that array itself" is written. VC001 at that
 * assignment; only one case does it, so it is a "may" finding with the same id. */
#include <nda.h>

#include <stdio.h>
#include <stdlib.h>

int main(int argc, char **argv)
{
    const ptrdiff_t shape[1] = {4};
    const double k[4] = {1.0, 0.98, 1.02, 0.5};
    nda_array *cal = nda_from_values(NDA_FLOAT64, 1, shape, k);
    nda_set_writeable(cal, false);
    int mode = argc > 1 ? atoi(argv[1]) : 2;

    switch (mode) {
    case 0:
        printf("gain sum %g\n", nda_sum(cal));
        break;
    case 1: {
        nda_array *trial = nda_copy(cal);
        nda_scale(trial, 1.1);
        printf("trial gain sum %g\n", nda_sum(trial));
        nda_release(trial);
        break;
    }
    case 2: {
        double *p = nda_data(cal);
        *(p + 2) = 1.0; // expect: VC001
        break;
    }
    default:
        break;
    }
    nda_print(stdout, cal);
    putchar('\n');
    nda_release(cal);
    return 0;
}
