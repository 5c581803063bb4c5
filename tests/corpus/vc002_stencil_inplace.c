/* One smoothing step of a 1-D heat equation written "in place": u[1:n-1] = u[0:n-2] + u[2:n].
 * The output slice partially overlaps both input slices of the same base, which the element-wise
 * kernels' "no partial overlap" contract forbids: VC002 at the nda_add call (one call, one
 * finding). At run time nda_add returns NDA_EOVERLAP and u is left unchanged. */
#include <nda.h>

#include <stdio.h>

int main(void)
{
    const ptrdiff_t n = 8;
    const ptrdiff_t shape[1] = {n};
    nda_array *u = nda_zeros(NDA_FLOAT64, 1, shape);
    nda_set1(u, 4, 1.0);

    nda_array *mid = nda_slice(u, 0, 1, n - 1, 1);
    nda_array *left = nda_slice(u, 0, 0, n - 2, 1);
    nda_array *right = nda_slice(u, 0, 2, n, 1);
    nda_status st = nda_add(mid, left, right); // expect: VC002
    printf("step: %s\n", nda_status_name(st));
    nda_release(right);
    nda_release(left);
    nda_release(mid);

    nda_print(stdout, u);
    putchar('\n');
    nda_release(u);
    return 0;
}
