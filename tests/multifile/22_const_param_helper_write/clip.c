/* clip_inplace writes its (non-const) parameter. No finding here: it is told nothing about const;
 * the const handle is visible in stats.c, where rules.md's VC001 goes. */
#include "stats.h"

void clip_inplace(nda_array *x, double limit)
{
    for (ptrdiff_t i = 0; i < nda_size(x); i++)
        if (nda_get1(x, i) > limit)
            nda_set1(x, i, limit);
}
