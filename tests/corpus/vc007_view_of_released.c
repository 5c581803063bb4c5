/* Releases a 3x3 image early and later takes a row view of it for a report. Creating a view is a
 * use of the released handle: VC007 "used (... viewed ...) after it gave up its reference". Only
 * the first use after the release is reported, so the later lines carry no marker. */
#include <nda.h>
#include <stdio.h>

int main(void)
{
    const ptrdiff_t shape[2] = {3, 3};
    nda_array *img = nda_full(NDA_FLOAT64, 2, shape, 0.5);
    if (!img)
        return 1;
    double brightness = nda_sum(img) / 9.0;
    nda_release(img);
    printf("brightness %g\n", brightness);
    nda_array *mid = nda_row(img, 1); // expect: VC007
    nda_print(stdout, mid);
    putchar('\n');
    nda_release(mid);
    return 0;
}
