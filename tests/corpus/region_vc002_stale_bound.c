/* `win` is a[i:i+4]; then i moves on by two and `next` is a[i:i+4] for the new i. The two
 * windows share two elements, although their bounds read the same: an analyzer must not take
 * the old i for the new one. nda_add(next, next, win) partially overlaps: VC002 (the run prints
 * NDA_EOVERLAP). */
#include <nda.h>
#include <stdio.h>

int main(void)
{
    nda_array *a = nda_arange(16);
    ptrdiff_t i = 2;
    nda_array *win = nda_slice(a, 0, i, i + 4, 1);
    i += 2;
    nda_array *next = nda_slice(a, 0, i, i + 4, 1);
    nda_status st = nda_add(next, next, win); // expect: VC002
    printf("%s\n", nda_status_name(st));
    nda_release(next);
    nda_release(win);
    nda_release(a);
    return 0;
}
