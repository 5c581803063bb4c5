/* Takes a view of the middle of an array, releases the array's own handle, and keeps using the
 * view. A view holds its own reference to the base, so the view was never released; only `a`
 * gave up its reference and `a` is not used again. No VC007, no finding in this file. */
#include <nda.h>
#include <stdio.h>

int main(void)
{
    nda_array *a = nda_arange(10);
    if (!a)
        return 1;
    nda_array *mid = nda_slice(a, 0, 3, 7, 1);
    nda_release(a);
    if (!mid)
        return 1;
    printf("middle: ");
    nda_print(stdout, mid);
    printf(", sum %g\n", nda_sum(mid));
    nda_release(mid);
    return 0;
}
