/* Found by the differential test (tests/gen, seed 68 of the first run): `shift` releases its
 * first parameter and then views its second. main passes one handle for both: the view is made
 * of a released handle. rules.md: parameters are assumed not to alias unless a call passes
 * overlapping arguments, and then the finding is reported at that call. */
#include <nda.h>
#include <stdio.h>

static void shift(nda_array *consumed, nda_array *kept)
{
    nda_release(consumed);
    nda_array *head = nda_slice(kept, 0, 0, 2, 1);
    printf("%g\n", nda_sum(head));
    nda_release(head);
}

int main(void)
{
    nda_array *a = nda_arange(4);
    nda_array *v = nda_slice(a, 0, 0, 4, 1);
    if (!a || !v)
        return 1;
    shift(v, v); // expect: VC007
    nda_release(a);
    return 0;
}
