/* This file's static prepare clips negative samples to zero: it writes. No finding here: the
 * write is on behalf of main's handle (rules.md: reported at main's call). */
#include "signal.h"

static void prepare(nda_array *x)
{
    for (ptrdiff_t i = 0; i < nda_size(x); i++)
        if (nda_get1(x, i) < 0.0)
            nda_set1(x, i, 0.0);
}

void denoise(nda_array *x)
{
    prepare(x);
}
