/* Found by the differential test (tests/gen, seed 156): `reset_then_sum` writes its first
 * parameter and then reads its second; main passes a view of the array for the second. The
 * write changes the view's memory before it is read: a stale read of `window`, reported at the
 * call where the two arguments alias (rules.md). */
#include <nda.h>
#include <stdio.h>

static double reset_then_sum(nda_array *target, const nda_array *window)
{
    nda_fill(target, 0.0);
    return nda_sum(window);
}

int main(void)
{
    nda_array *a = nda_arange(4);
    nda_array *window = nda_slice(a, 0, 0, 2, 1);
    if (!a || !window)
        return 1;
    printf("%g\n", reset_then_sum(a, window)); // expect: VC003
    nda_release(window);
    nda_release(a);
    return 0;
}
