/* Two row views of an image: the second row is darkened through r1, then the first row (r0, a
 * different row: provably disjoint) is read, then r1 is used again. VC004 needs the read of B to
 * observe memory the write through V changed; r0 covers none of it ("Provably disjoint regions
 * (constant slice bounds, different rows) never conflict, for every rule").
 * Expected: no finding. */
#include <nda.h>

#include <stdio.h>

int main(void)
{
    const ptrdiff_t shape[2] = {2, 4};
    nda_array *img = nda_full(NDA_FLOAT64, 2, shape, 200.0);
    nda_array *r0 = nda_row(img, 0);
    nda_array *r1 = nda_row(img, 1);

    nda_scale(r1, 0.5);
    printf("row 0 mean %g\n", nda_sum(r0) / 4.0);
    printf("row 1 mean %g\n", nda_sum(r1) / 4.0);

    nda_release(r1);
    nda_release(r0);
    nda_release(img);
    return 0;
}
