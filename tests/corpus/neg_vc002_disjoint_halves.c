/* One level of a pairwise (tree) reduction: a[0:4] += a[4:8]. The two slices of the same base
 * have constant, non-overlapping bounds, so they are provably disjoint ("Provably disjoint regions
 * are never findings"); nda_add returns NDA_OK. The view written is released before a is read
 * (no VC004). Expected: no finding. */
#include <nda.h>

#include <stdio.h>

int main(void)
{
    nda_array *ints = nda_arange(8);
    nda_array *a = nda_astype(ints, NDA_FLOAT64);
    nda_release(ints);

    nda_array *lo = nda_slice(a, 0, 0, 4, 1);
    nda_array *hi = nda_slice(a, 0, 4, 8, 1);
    nda_status st = nda_add(lo, lo, hi);
    printf("fold: %s\n", nda_status_name(st));
    nda_release(hi);
    nda_release(lo);

    nda_print(stdout, a);
    putchar('\n');
    nda_release(a);
    return 0;
}
