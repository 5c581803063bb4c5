/* True negative: `s` comes from sample_head, a copy (sample.c's pick), so writing it, printing
 * `a` and reading `s` again is no VC004; the view from window_head (window.c's pick) is written
 * and released before `a` is read ("what views are for", rules.md). An analyzer that mixed the
 * two static picks up would report VC004 at the nda_set1 on `s`. */
#include "pick.h"

#include <stdio.h>

int main(void)
{
    nda_array *a = nda_arange(6);
    if (!a)
        return 1;
    nda_array *s = sample_head(a);
    nda_set1(s, 0, 100);
    nda_print(stdout, a);
    putchar('\n');
    printf("sample sum %g\n", nda_sum(s));
    nda_release(s);

    nda_array *w = window_head(a);
    nda_scale(w, 2.0);
    nda_release(w);
    nda_print(stdout, a);
    putchar('\n');
    nda_release(a);
    return 0;
}
