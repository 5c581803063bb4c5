/* True negative: the two halves a[0:h] and a[h:n], h = n/2 with n from the command line, never
 * overlap, whatever n is; kernel_add(lo, lo, hi) (kernels.c) is in place on lo, which nda_add
 * allows. A naive analyzer that cannot compare bounds affine in n reports VC002 here or in
 * fold.c. The run prints NDA_OK twice. */
#include "halves.h"

#include <stdio.h>
#include <stdlib.h>

int main(int argc, char **argv)
{
    ptrdiff_t k = argc > 1 ? (ptrdiff_t)strtol(argv[1], NULL, 10) : 4;
    ptrdiff_t n = 2 * k;
    nda_array *a = nda_arange(n);
    if (!a)
        return 1;
    ptrdiff_t h = n / 2;
    nda_array *lo = nda_slice(a, 0, 0, h, 1);
    nda_array *hi = nda_slice(a, 0, h, n, 1);
    nda_status st = kernel_add(lo, lo, hi);
    printf("add halves: %s\n", nda_status_name(st));
    nda_release(hi);
    nda_release(lo);
    printf("fold: %s\n", nda_status_name(fold_halves(a)));
    nda_print(stdout, a);
    putchar('\n');
    nda_release(a);
    return 0;
}
