/* main keeps "the previous window" from take_window, which is a view (window.c), then decays the
 * signal (update.c) and averages the old window (window.c): VC003, "V is read" after "memory V
 * covers is written through a handle that is neither V nor derived from V", reported at main's
 * window_mean call (the read happens in the callee on behalf of main's handle, rules.md). */
#include "window.h"

#include <stdio.h>

int main(void)
{
    const ptrdiff_t shape[1] = {6};
    const double v[6] = {4, 8, 12, 16, 20, 24};
    nda_array *sig = nda_from_values(NDA_FLOAT64, 1, shape, v);
    if (!sig)
        return 1;
    nda_array *prev = take_window(sig, 0, 4);

    decay(sig, 0.5);
    double before = window_mean(prev); // expect: VC003
    printf("old window mean %g (stale: prints the decayed values)\n", before);
    printf("new signal total %g\n", nda_sum(sig));

    nda_release(prev);
    nda_release(sig);
    return 0;
}
