/* Found by the differential test (tests/gen, seed 8609): `sum_and_drop` reads its second
 * parameter, releases it and then views its first; main passes one stale view for both. The
 * read comes before the release inside the callee: a stale read (VC003) and then the view of a
 * released handle (VC007), both at the call. */
#include <nda.h>
#include <stdio.h>

static nda_array *sum_and_drop(nda_array *keep, nda_array *drop)
{
    printf("%g\n", nda_sum(drop));
    nda_release(drop);
    return nda_slice(keep, 0, 0, 2, 1);
}

int main(void)
{
    const ptrdiff_t shape[2] = {4, 4};
    nda_array *m = nda_zeros(NDA_FLOAT64, 2, shape);
    nda_array *col = nda_col(m, 2);
    if (!m || !col)
        return 1;
    nda_set2(m, 0, 2, 81.0);
    nda_array *head = sum_and_drop(col, col); // expect: VC003 VC007
    nda_release(head);
    nda_release(m);
    return 0;
}
