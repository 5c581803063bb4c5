/* tree_sum sums small arrays directly and otherwise recurses through split.c. No finding: it only
 * reads its argument. */
#include "tree.h"

double tree_sum(nda_array *a, int depth)
{
    if (depth <= 0 || nda_size(a) < 2)
        return nda_sum(a);
    return tree_sum_split(a, depth);
}
