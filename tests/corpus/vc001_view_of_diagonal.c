/* Zeroes the first two pivots of a matrix through a slice of its diagonal. A view of a read-only
 * view is read-only too (rules.md: "a read-only view (nda_diagonal, ...), and their views"), so
 * the nda_set1 on the slice is VC001 at the write; it fails with NDA_EREADONLY at run time. */
#include <nda.h>

#include <stdio.h>

int main(void)
{
    const ptrdiff_t shape[2] = {3, 3};
    const double v[9] = {4, 1, 0, 1, 5, 2, 0, 2, 6};
    nda_array *m = nda_from_values(NDA_FLOAT64, 2, shape, v);
    nda_array *pivots = nda_diagonal(m);
    nda_array *head = nda_slice(pivots, 0, 0, 2, 1);

    for (ptrdiff_t i = 0; i < nda_size(head); i++)
        printf("pivot %td = %g\n", i, nda_get1(head, i));
    nda_status st = nda_set1(head, 1, 0.0); // expect: VC001
    printf("zeroing pivot 1: %s\n", nda_status_name(st));

    nda_release(head);
    nda_release(pivots);
    nda_print(stdout, m);
    putchar('\n');
    nda_release(m);
    return 0;
}
