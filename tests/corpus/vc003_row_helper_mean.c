/* Keeps a reference row of an image to report how normalisation changed its brightness, then
 * normalises the whole image through img. The reference row is a view, so when the helper mean()
 * reads it, it reads the already-scaled values. The stale read happens inside mean() on behalf
 * of main's handle: VC003 at the call site in main. */
#include <nda.h>

#include <stdio.h>

static double mean(const nda_array *x)
{
    return nda_sum(x) / (double)nda_size(x);
}

int main(void)
{
    const ptrdiff_t shape[2] = {3, 4};
    nda_array *img = nda_full(NDA_FLOAT64, 2, shape, 128.0);
    nda_set2(img, 0, 0, 255.0);

    nda_array *ref = nda_row(img, 0);
    nda_scale(img, 1.0 / 255.0);
    double after = mean(img);
    double before = mean(ref); // expect: VC003
    printf("brightness %g -> %g\n", before, after);

    nda_release(ref);
    nda_release(img);
    return 0;
}
