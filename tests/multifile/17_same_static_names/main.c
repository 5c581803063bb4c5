/* measure (measure.c's read-only prepare) on a view of `a`, then `a` and the view are read: no
 * finding (mixing the statics up would report VC004 at the measure call). denoise (denoise.c's
 * writing prepare) on `b` makes the view `snap` stale: VC003 at its read (mixing them up would
 * miss it). */
#include "signal.h"

#include <stdio.h>

int main(void)
{
    const ptrdiff_t shape[1] = {6};
    const double v[6] = {3, -1, 4, -1, 5, -9};
    nda_array *a = nda_from_values(NDA_FLOAT64, 1, shape, v);
    nda_array *b = nda_from_values(NDA_FLOAT64, 1, shape, v);
    if (!a || !b)
        return 1;

    nda_array *head = nda_slice(a, 0, 0, 4, 1);
    printf("measure %g\n", measure(head));
    nda_print(stdout, a);
    putchar('\n');
    printf("head %g\n", nda_sum(head));

    nda_array *snap = nda_slice(b, 0, 0, 4, 1);
    denoise(b);
    printf("snapshot %g (stale)\n", nda_sum(snap)); // expect: VC003

    nda_release(snap);
    nda_release(head);
    nda_release(b);
    nda_release(a);
    return 0;
}
