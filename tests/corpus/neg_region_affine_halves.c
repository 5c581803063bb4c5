/* Folds the upper half of a signal onto the lower half: lo = a[0:h], hi = a[h:n] with h = n / 2.
 * The bounds name the same h, so the halves are provably disjoint and the in-place add (output
 * identical to its first input) is allowed: no finding (NDA_OK at run time). */
#include <nda.h>
#include <stdio.h>

int main(void)
{
    nda_array *a = nda_arange(12);
    ptrdiff_t n = nda_size(a);
    ptrdiff_t h = n / 2;
    nda_array *lo = nda_slice(a, 0, 0, h, 1);
    nda_array *hi = nda_slice(a, 0, h, n, 1);
    nda_status st = nda_add(lo, lo, hi);
    printf("%s\n", nda_status_name(st));
    nda_release(hi);
    nda_release(lo);
    nda_print(stdout, a);
    putchar('\n');
    nda_release(a);
    return 0;
}
