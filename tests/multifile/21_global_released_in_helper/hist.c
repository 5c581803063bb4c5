/* Makes, updates and releases the global g_hist; hist_shutdown leaves the dangling handle in the
 * global. No finding here: the use after the release is main's (rules.md: VC007 at "the use
 * after release"). */
#include "hist.h"

#include <stdio.h>

nda_array *g_hist;

int hist_init(ptrdiff_t bins)
{
    g_hist = nda_zeros(NDA_FLOAT64, 1, &bins);
    return g_hist ? 0 : -1;
}

void hist_add(ptrdiff_t bin)
{
    nda_set1(g_hist, bin, nda_get1(g_hist, bin) + 1.0);
}

void hist_shutdown(void)
{
    nda_print(stdout, g_hist);
    putchar('\n');
    nda_release(g_hist);
}
