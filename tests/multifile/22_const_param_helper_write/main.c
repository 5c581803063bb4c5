/* main calls robust_mean (stats.c), which silently clips main's samples. No finding here: main's
 * handle is not const, and the VC001 belongs to the function with the const parameter
 * (tests/corpus/README.md). The run shows the samples changed. */
#include "stats.h"

#include <stdio.h>

int main(void)
{
    const ptrdiff_t shape[1] = {5};
    const double v[5] = {1, 2, 3, 40, 5};
    nda_array *a = nda_from_values(NDA_FLOAT64, 1, shape, v);
    if (!a)
        return 1;
    printf("robust mean %g\n", robust_mean(a, 10.0));
    nda_print(stdout, a);
    putchar('\n');
    nda_release(a);
    return 0;
}
