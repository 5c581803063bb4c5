/* `last_n` returns a view of the tail of its argument; main keeps that tail and then grows the
 * array in place. The tail returned by the helper is a live view at main's nda_resize: VC006
 * there (the resize is in main). Run: NDA_EREFERENCED. */
#include <nda.h>
#include <stdio.h>

static nda_array *last_n(nda_array *a, ptrdiff_t k)
{
    return nda_slice(a, 0, nda_size(a) - k, NDA_END, 1);
}

int main(void)
{
    const ptrdiff_t n = 6;
    nda_array *hist = nda_full(NDA_FLOAT64, 1, &n, 1.0);
    if (!hist)
        return 1;
    nda_array *tail = last_n(hist, 2);
    if (!tail)
        return 1;
    printf("tail sum %g\n", nda_sum(tail));
    nda_status st = nda_resize(hist, n + 6); // expect: VC006
    printf("resize: %s\n", nda_status_name(st));
    nda_release(tail);
    nda_release(hist);
    return 0;
}
