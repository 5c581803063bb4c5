/* clip_negative writes its parameter. No finding here: it writes on behalf of its caller's
 * handle, so rules.md places any finding "at the call site in the outermost function where the
 * conflicting handles are visible" (main.c), not at this write. */
#include "signal.h"

void clip_negative(nda_array *x)
{
    for (ptrdiff_t i = 0; i < nda_size(x); i++)
        if (nda_get1(x, i) < 0.0)
            nda_set1(x, i, 0.0);
}

double signal_total(const nda_array *x)
{
    return nda_sum(x);
}
