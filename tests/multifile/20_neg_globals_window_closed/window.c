/* The global window view of g_buf: window_open makes it, window_mean reads it, window_close
 * releases it and clears the global. No finding. */
#include "buffer.h"

nda_array *g_win;

int window_open(ptrdiff_t lo, ptrdiff_t hi)
{
    g_win = nda_slice(g_buf, 0, lo, hi, 1);
    return g_win ? 0 : -1;
}

double window_mean(void)
{
    ptrdiff_t n = nda_size(g_win);
    return n ? nda_sum(g_win) / (double)n : 0.0;
}

void window_close(void)
{
    nda_release(g_win);
    g_win = NULL;
}
