/* fold_halves adds a[h:n] into a[0:h] with h = n/2, n = nda_size(a). No finding: [0, h) and
 * [h, n) are disjoint for every n ("provably disjoint regions are never findings", rules.md), and
 * an output identical to an input is allowed for nda_add. */
#include "halves.h"

nda_status fold_halves(nda_array *a)
{
    ptrdiff_t n = nda_size(a);
    ptrdiff_t h = n / 2;
    nda_array *lo = nda_slice(a, 0, 0, h, 1);
    nda_array *hi = nda_slice(a, 0, h, n, 1);
    nda_status st = nda_add(lo, lo, hi);
    nda_release(hi);
    nda_release(lo);
    return st;
}
