/* bisect_fill writes its segment, directly or through the recursion in split.c. No finding here:
 * the writes are on behalf of the caller's handle (rules.md: reported at main's call). */
#include "bisect.h"

void bisect_fill(nda_array *seg, double v, int depth)
{
    if (depth <= 0 || nda_size(seg) < 2) {
        nda_fill(seg, v);
        return;
    }
    bisect_split(seg, v, depth);
}
