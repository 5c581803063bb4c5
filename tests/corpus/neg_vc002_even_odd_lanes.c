/* Mixes an interleaved stereo buffer down to its left channel: left += right, where
 * left = buf[0::2] and right = buf[1::2]. Their byte extents overlap (nda_may_share_memory is
 * true) but no element is shared; with constant slice bounds and steps they are provably disjoint,
 * and the exact check in nda_add returns NDA_OK. Expected: no finding. */
#include <nda.h>

#include <stdio.h>

int main(void)
{
    const ptrdiff_t n = 8;
    const ptrdiff_t shape[1] = {n};
    const double v[8] = {1, 10, 2, 20, 3, 30, 4, 40};
    nda_array *buf = nda_from_values(NDA_FLOAT64, 1, shape, v);

    nda_array *left = nda_slice(buf, 0, 0, 8, 2);
    nda_array *right = nda_slice(buf, 0, 1, 8, 2);
    printf("extents overlap: %d\n", nda_may_share_memory(left, right));
    nda_status st = nda_add(left, left, right);
    printf("mix: %s\n", nda_status_name(st));
    nda_release(right);
    nda_release(left);

    nda_print(stdout, buf);
    putchar('\n');
    nda_release(buf);
    return 0;
}
