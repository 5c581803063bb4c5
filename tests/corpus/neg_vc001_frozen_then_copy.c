/* Default settings are frozen with nda_set_writeable(defaults, false); a user profile starts as
 * nda_copy(defaults) and is modified. The copy is a fresh array with its own writeable flag (not a
 * view made from the frozen array), so writing it is not VC001. The frozen array is only read.
 * Expected: no finding. */
#include <nda.h>

#include <stdio.h>

int main(void)
{
    const ptrdiff_t shape[1] = {4};
    const double d[4] = {1.0, 0.5, 0.25, 8.0};
    nda_array *defaults = nda_from_values(NDA_FLOAT64, 1, shape, d);
    nda_set_writeable(defaults, false);

    nda_array *profile = nda_copy(defaults);
    nda_set1(profile, 3, 16.0);
    nda_axpy(profile, 0.5, defaults);

    printf("defaults: ");
    nda_print(stdout, defaults);
    printf("\nprofile: ");
    nda_print(stdout, profile);
    putchar('\n');
    nda_release(profile);
    nda_release(defaults);
    return 0;
}
