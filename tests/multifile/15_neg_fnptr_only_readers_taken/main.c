/* True negative: `first` is a row view of m, read after m was visited through a function pointer.
 * Only print_row and check_row (readers.c) have their address taken, so the call in visit.c
 * cannot write m: no VC003. An analyzer that took every function of the type, including zero_row
 * (writers.c), would report VC003 at the last nda_sum. */
#include "rows.h"

#include <stdio.h>

int main(void)
{
    const ptrdiff_t shape[2] = {3, 3};
    const double v[9] = {1, 2, 3, 4, 5, 6, 7, 8, 9};
    nda_array *m = nda_from_values(NDA_FLOAT64, 2, shape, v);
    nda_array *scratch = nda_zeros(NDA_FLOAT64, 1, shape);
    if (!m || !scratch)
        return 1;
    nda_array *first = nda_row(m, 0);
    for_each_row(m, print_row);
    for_each_row(m, check_row);
    zero_row(scratch);
    printf("first row sum %g, scratch %g\n", nda_sum(first), nda_sum(scratch));
    nda_release(first);
    nda_release(scratch);
    nda_release(m);
    return 0;
}
