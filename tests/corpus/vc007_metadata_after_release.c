/* Frees a work array and afterwards logs its size. nda_size reads only metadata (not a read for
 * VC003/VC004), but it is still a use of the handle: VC007 "used (read, written, viewed,
 * inspected, released again) after it gave up its reference". */
#include <nda.h>
#include <stdio.h>

int main(void)
{
    const ptrdiff_t shape[2] = {4, 4};
    nda_array *work = nda_zeros(NDA_FLOAT64, 2, shape);
    if (!work)
        return 1;
    nda_fill(work, 1.0);
    double total = nda_sum(work);
    nda_release(work);
    printf("freed %td elements (sum was %g)\n", nda_size(work), total); // expect: VC007
    return 0;
}
