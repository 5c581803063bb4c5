/* main fills a window view of a signal through the fill.c/split.c recursion, prints the signal,
 * then sums the window again: VC004 at the bisect_fill call (the write happens deep in the
 * recursion on behalf of main's window; rules.md reports it at the call site in the outermost
 * function where both handles are visible). */
#include "bisect.h"

#include <stdio.h>

int main(void)
{
    const ptrdiff_t n = 16;
    nda_array *sig = nda_zeros(NDA_FLOAT64, 1, &n);
    if (!sig)
        return 1;
    nda_array *win = nda_slice(sig, 0, 4, 12, 1);
    bisect_fill(win, 1.0, 2); // expect: VC004
    nda_print(stdout, sig);
    putchar('\n');
    printf("window sum %g\n", nda_sum(win));
    nda_release(win);
    nda_release(sig);
    return 0;
}
