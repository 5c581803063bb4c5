/* Negative: `swap_out` releases its first parameter and then reads its second; main passes two
 * different handles, so the read is of a live one. Parameters are assumed not to alias unless
 * a call passes overlapping arguments: no finding. */
#include <nda.h>
#include <stdio.h>

static double swap_out(nda_array *old, const nda_array *fresh)
{
    nda_release(old);
    return nda_sum(fresh);
}

int main(void)
{
    nda_array *a = nda_arange(4);
    nda_array *b = nda_arange(4);
    if (!a || !b)
        return 1;
    printf("%g\n", swap_out(a, b));
    nda_release(b);
    return 0;
}
