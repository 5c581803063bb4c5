/* clip_negative writes its argument in place. main passes a window view of a signal, reads the
 * whole signal, then reads the window again. The write happens inside the helper on behalf of
 * main's view, so VC004 is reported at the call site in main, where both win and sig are
 * visible. */
#include <nda.h>

#include <stdio.h>

static void clip_negative(nda_array *x)
{
    for (ptrdiff_t i = 0; i < nda_size(x); i++)
        if (nda_get1(x, i) < 0.0)
            nda_set1(x, i, 0.0);
}

int main(void)
{
    const ptrdiff_t shape[1] = {8};
    const double v[8] = {1, -2, 3, -4, 5, -6, 7, -8};
    nda_array *sig = nda_from_values(NDA_FLOAT64, 1, shape, v);
    nda_array *win = nda_slice(sig, 0, 2, 6, 1);

    clip_negative(win); // expect: VC004
    printf("signal sum %g\n", nda_sum(sig));
    printf("window sum %g\n", nda_sum(win));

    nda_release(win);
    nda_release(sig);
    return 0;
}
