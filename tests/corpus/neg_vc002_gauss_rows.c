/* First elimination step of Gaussian elimination on a 3x3 system: row1 -= f1 * row0 and
 * row2 -= f2 * row0. Different rows of one matrix are provably disjoint (rules.md: "different
 * rows"), so nda_axpy's no-partial-overlap contract holds; both calls return NDA_OK. The row
 * views are released before m is read. Expected: no finding. */
#include <nda.h>

#include <stdio.h>

int main(void)
{
    const ptrdiff_t shape[2] = {3, 3};
    const double v[9] = {2, 1, -1, -3, -1, 2, -2, 1, 2};
    nda_array *m = nda_from_values(NDA_FLOAT64, 2, shape, v);
    double f1 = nda_get2(m, 1, 0) / nda_get2(m, 0, 0);
    double f2 = nda_get2(m, 2, 0) / nda_get2(m, 0, 0);

    nda_array *r0 = nda_row(m, 0);
    nda_array *r1 = nda_row(m, 1);
    nda_array *r2 = nda_row(m, 2);
    nda_status s1 = nda_axpy(r1, -f1, r0);
    nda_status s2 = nda_axpy(r2, -f2, r0);
    printf("%s %s\n", nda_status_name(s1), nda_status_name(s2));
    nda_release(r2);
    nda_release(r1);
    nda_release(r0);

    nda_print(stdout, m);
    putchar('\n');
    nda_release(m);
    return 0;
}
