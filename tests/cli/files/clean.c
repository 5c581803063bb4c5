/* No finding: an in-place update through a row view that is released before the base is read
 * (rules.md: "what views are for"), and a snapshot that is a real copy. */
#include <nda.h>

#include <stdio.h>

int main(void)
{
    const ptrdiff_t shape[2] = {3, 4};
    nda_array *m = nda_zeros(NDA_FLOAT64, 2, shape);
    nda_array *r = nda_row(m, 1);
    nda_fill(r, 2.0);
    nda_release(r);
    nda_array *before = nda_copy(m);
    nda_scale(m, 0.5);
    printf("%g %g\n", nda_sum(before), nda_sum(m));
    nda_release(before);
    nda_release(m);
    return 0;
}
