/* take_window returns a view of its argument, not a copy; window_mean only reads. No finding
 * here: the stale read in window_mean happens on behalf of main's handle, so rules.md reports it
 * at main's call. */
#include "window.h"

nda_array *take_window(nda_array *a, ptrdiff_t lo, ptrdiff_t hi)
{
    return nda_slice(a, 0, lo, hi, 1);
}

double window_mean(const nda_array *w)
{
    ptrdiff_t n = nda_size(w);
    return n ? nda_sum(w) / (double)n : 0.0;
}
