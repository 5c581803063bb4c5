/* Found by the differential test (tests/gen, seed 496): nda_add gets a column and the diagonal of
 * one matrix, which partially overlap (VC002), and fails with NDA_EOVERLAP: it writes nothing.
 * The first write through the column is then the fill, which the base read and the next fill
 * make a VC004. The analyzer knows that nda_add fails on a broken overlap contract
 * (NDA_FAILS_ON_OVERLAP) but cannot prove that the column meets the diagonal (no shapes), so the
 * add's write is a "may": KNOWN GAP, it reports VC004 at the add too (tests/corpus/KNOWN_GAPS). */
#include <nda.h>
#include <stdio.h>

int main(void)
{
    const ptrdiff_t shape[2] = {4, 4};
    nda_array *m = nda_zeros(NDA_FLOAT64, 2, shape);
    nda_array *col = nda_col(m, 1);
    nda_array *diag = nda_diagonal(m);
    if (!m || !col || !diag)
        return 1;
    nda_add(col, col, diag); // expect: VC002
    nda_fill(col, 74.0); // expect: VC004
    printf("%g\n", nda_sum(m));
    nda_fill(col, 30.0);
    nda_release(diag);
    nda_release(col);
    nda_release(m);
    return 0;
}
