/* Releases its handle of a matrix once a row view was taken, then still sums the matrix through
 * the released handle. The row keeps the object alive (it does not crash), but the handle `m` gave
 * up its reference: VC007 "... even if another reference keeps the object alive". */
#include <nda.h>
#include <stdio.h>

int main(void)
{
    const ptrdiff_t shape[2] = {2, 3};
    nda_array *m = nda_full(NDA_FLOAT64, 2, shape, 2.0);
    if (!m)
        return 1;
    nda_array *top = nda_row(m, 0);
    nda_release(m);
    if (!top)
        return 1;
    printf("top row sum %g\n", nda_sum(top));
    printf("matrix sum %g\n", nda_sum(m)); // expect: VC007
    nda_release(top);
    return 0;
}
