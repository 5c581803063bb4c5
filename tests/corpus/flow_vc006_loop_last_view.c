/* Slides a 2-element window over a buffer until the window sum exceeds 6, keeping a view of the
 * current window (each older window is released in the loop). After the loop the buffer is grown
 * while the last window is still live: VC006 "may have a live view". Run: NDA_EREFERENCED. */
#include <nda.h>
#include <stdio.h>

int main(void)
{
    nda_array *buf = nda_arange(8);
    if (!buf)
        return 1;
    nda_array *win = NULL;
    for (ptrdiff_t i = 0; i + 2 <= nda_size(buf); i++) {
        nda_release(win);
        win = nda_slice(buf, 0, i, i + 2, 1);
        if (!win || nda_sum(win) > 6.0)
            break;
    }
    if (win)
        printf("window sum %g\n", nda_sum(win));
    nda_status st = nda_resize(buf, 16); // expect: VC006
    printf("resize: %s\n", nda_status_name(st));
    nda_release(win);
    nda_release(buf);
    return 0;
}
