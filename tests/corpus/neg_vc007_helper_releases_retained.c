/* `consume_sum` takes ownership of its argument and releases it; main passes it a new reference
 * made with nda_retain, so the helper's release gives up that extra reference, not main's. main's
 * later uses of `a` are before its own single release. No VC007, no finding in this file. */
#include <nda.h>
#include <stdio.h>

static double consume_sum(nda_array *owned)
{
    double s = nda_sum(owned);
    nda_release(owned);
    return s;
}

int main(void)
{
    nda_array *a = nda_arange(5);
    if (!a)
        return 1;
    double total = 0.0;
    for (int k = 0; k < 3; k++)
        total += consume_sum(nda_retain(a));
    printf("three sums %g, size %td\n", total, nda_size(a));
    nda_print(stdout, a);
    putchar('\n');
    nda_release(a);
    return 0;
}
