/* tree_sum_split sums the two halves of its argument through tree_sum (sum.c). No finding: it
 * makes views and reads them, nothing is written. */
#include "tree.h"

double tree_sum_split(nda_array *a, int depth)
{
    ptrdiff_t n = nda_size(a);
    nda_array *lo = nda_slice(a, 0, 0, n / 2, 1);
    nda_array *hi = nda_slice(a, 0, n / 2, n, 1);
    double s = tree_sum(lo, depth - 1) + tree_sum(hi, depth - 1);
    nda_release(hi);
    nda_release(lo);
    return s;
}
