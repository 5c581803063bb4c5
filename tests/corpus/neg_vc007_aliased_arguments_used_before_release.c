/* Negative of ipa_vc007_aliased_arguments_release_first.c: `report` uses its second parameter
 * before it releases its first, so one handle passed for both is used and then released once.
 * The handle is not used again: no finding. */
#include <nda.h>
#include <stdio.h>

static void report(nda_array *consumed, const nda_array *shown)
{
    printf("%g\n", nda_sum(shown));
    nda_release(consumed);
}

int main(void)
{
    nda_array *a = nda_arange(4);
    nda_array *v = nda_slice(a, 0, 0, 4, 1);
    if (!a || !v)
        return 1;
    report(v, v);
    printf("%g\n", nda_sum(a));
    nda_release(a);
    return 0;
}
