/* Audio frames: an analysis window buf[0:6] and a fade-out region buf[3:9] overlap. The fade is
 * applied through its own view (neither win nor derived from win) and released; then the energy
 * of the analysis window is computed from faded samples: VC003 at the stale read of win.
 * (No VC004: fade is not used again after buf's memory is read.) */
#include <nda.h>

#include <stdio.h>

int main(void)
{
    const ptrdiff_t shape[1] = {9};
    nda_array *buf = nda_full(NDA_FLOAT64, 1, shape, 2.0);

    nda_array *win = nda_slice(buf, 0, 0, 6, 1);
    nda_array *fade = nda_slice(buf, 0, 3, 9, 1);
    nda_scale(fade, 0.5);
    nda_release(fade);

    printf("window energy %g\n", nda_dot(win, win)); // expect: VC003
    nda_release(win);
    nda_release(buf);
    return 0;
}
