/* A processing window win = buf[2:8] is partly zeroed through a sub-view taken from win itself
 * (gap = win[1:3]), then win is summed. VC003 requires the write to go "through a handle that is
 * neither V nor derived from V"; gap is derived from win, so reading win afterwards is not stale.
 * gap is released before win is read, so there is no VC004. Expected: no finding. */
#include <nda.h>

#include <stdio.h>

int main(void)
{
    const ptrdiff_t shape[1] = {10};
    nda_array *buf = nda_full(NDA_FLOAT64, 1, shape, 1.0);
    nda_array *win = nda_slice(buf, 0, 2, 8, 1);

    nda_array *gap = nda_slice(win, 0, 1, 3, 1);
    nda_fill(gap, 0.0);
    nda_release(gap);

    printf("window sum %g\n", nda_sum(win));
    nda_release(win);
    nda_release(buf);
    return 0;
}
