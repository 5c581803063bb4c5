/* main passes a window view of a signal to denoise, which writes it two files away, then reads the
 * whole signal and the window again: VC004 ("a write through a derived handle V ... afterwards read
 * through a handle B not derived from V, and V is used again"), placed at main's denoise call,
 * the outermost function where both handles are visible (rules.md). */
#include "signal.h"

#include <stdio.h>

int main(void)
{
    const ptrdiff_t shape[1] = {8};
    const double v[8] = {1, -2, 3, -4, 5, -6, 7, -8};
    nda_array *sig = nda_from_values(NDA_FLOAT64, 1, shape, v);
    if (!sig)
        return 1;
    nda_array *win = nda_slice(sig, 0, 2, 6, 1);

    denoise(win); // expect: VC004
    printf("signal total %g\n", signal_total(sig));
    printf("window total %g\n", nda_sum(win));

    nda_release(win);
    nda_release(sig);
    return 0;
}
