/* main calls smooth_step (smooth.c) on a fresh array of a run-time length. No finding here: main
 * passes one array, and the overlapping handles exist only inside smooth_step (rules.md places
 * the VC002 there). The run prints NDA_EOVERLAP. */
#include "smooth.h"

#include <stdio.h>
#include <stdlib.h>

int main(int argc, char **argv)
{
    ptrdiff_t n = argc > 1 ? (ptrdiff_t)strtol(argv[1], NULL, 10) : 10;
    nda_array *u = nda_zeros(NDA_FLOAT64, 1, &n);
    if (!u)
        return 1;
    nda_set1(u, n / 2, 1.0);
    printf("smooth: %s\n", nda_status_name(smooth_step(u)));
    nda_print(stdout, u);
    putchar('\n');
    nda_release(u);
    return 0;
}
