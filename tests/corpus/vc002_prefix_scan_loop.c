/* An in-place Hillis-Steele prefix sum: for k = 1, 2, 4: a[k:] += a[:n-k]. For k < n/2 the two
 * slices partially overlap (the scan needs a second buffer), so the kernel's "no partial overlap"
 * contract is broken: VC002 at the nda_add in the loop (bounds depend on k, so the regions are
 * not provably disjoint). At run time the first iteration gets NDA_EOVERLAP. */
#include <nda.h>

#include <stdio.h>

int main(void)
{
    const ptrdiff_t n = 8;
    const ptrdiff_t shape[1] = {n};
    nda_array *a = nda_full(NDA_FLOAT64, 1, shape, 1.0);

    for (ptrdiff_t k = 1; k < n; k *= 2) {
        nda_array *dst = nda_slice(a, 0, k, n, 1);
        nda_array *src = nda_slice(a, 0, 0, n - k, 1);
        nda_status st = nda_add(dst, dst, src); // expect: VC002
        printf("k=%td: %s\n", k, nda_status_name(st));
        nda_release(src);
        nda_release(dst);
    }
    nda_print(stdout, a);
    putchar('\n');
    nda_release(a);
    return 0;
}
