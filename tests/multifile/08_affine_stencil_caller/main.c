/* One in-place stencil step u[1:n-1] = u[0:n-2] + u[2:n], with n read at run time (default 8):
 * bounds affine in n, the output overlaps both inputs partially for every n >= 4. VC002 at the
 * kernel_add call, where overlapping arguments are passed (rules.md). The run prints
 * NDA_EOVERLAP. */
#include "kernels.h"

#include <stdio.h>
#include <stdlib.h>

int main(int argc, char **argv)
{
    ptrdiff_t n = argc > 1 ? (ptrdiff_t)strtol(argv[1], NULL, 10) : 8;
    nda_array *u = nda_zeros(NDA_FLOAT64, 1, &n);
    if (!u)
        return 1;
    nda_set1(u, n / 2, 1.0);
    nda_array *mid = nda_slice(u, 0, 1, n - 1, 1);
    nda_array *left = nda_slice(u, 0, 0, n - 2, 1);
    nda_array *right = nda_slice(u, 0, 2, n, 1);
    nda_status st = kernel_add(mid, left, right); // expect: VC002
    printf("step: %s\n", nda_status_name(st));
    nda_release(right);
    nda_release(left);
    nda_release(mid);
    nda_print(stdout, u);
    putchar('\n');
    nda_release(u);
    return 0;
}
