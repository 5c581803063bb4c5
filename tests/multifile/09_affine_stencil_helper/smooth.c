/* smooth_step computes u[1:n-1] = u[0:n-2] + u[2:n] with n = nda_size(u): the output slice
 * overlaps both inputs partially (bounds affine in n). VC002 at the nda_add call: the slices are
 * local here, so this is "the outermost function where the conflicting handles are visible". */
#include "smooth.h"

nda_status smooth_step(nda_array *u)
{
    ptrdiff_t n = nda_size(u);
    nda_array *mid = nda_slice(u, 0, 1, n - 1, 1);
    nda_array *left = nda_slice(u, 0, 0, n - 2, 1);
    nda_array *right = nda_slice(u, 0, 2, n, 1);
    nda_status st = nda_add(mid, left, right); // expect: VC002
    nda_release(right);
    nda_release(left);
    nda_release(mid);
    return st;
}
