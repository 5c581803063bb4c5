/* A three-point stencil written in place: `mid` = u[1:n-1] is the output and `left` = u[0:n-2]
 * an input of nda_add. The bounds are affine in the same n, so the views overlap partially
 * (for any n > 3): VC002 at the call (NDA_EOVERLAP at run time). */
#include <nda.h>
#include <stdio.h>

int main(void)
{
    nda_array *u = nda_arange(10);
    ptrdiff_t n = nda_size(u);
    nda_array *mid = nda_slice(u, 0, 1, n - 1, 1);
    nda_array *left = nda_slice(u, 0, 0, n - 2, 1);
    nda_array *right = nda_slice(u, 0, 2, n, 1);
    nda_status st = nda_add(mid, left, right); // expect: VC002
    printf("%s\n", nda_status_name(st));
    nda_release(right);
    nda_release(left);
    nda_release(mid);
    nda_release(u);
    return 0;
}
