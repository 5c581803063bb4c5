/* main scales the diagonal returned by diag_of (linalg.c, nda_diagonal: "a read-only view") with
 * scale_all (ops.c): VC001 at the scale_all call. The run prints NDA_EREADONLY. */
#include "linalg.h"

#include <stdio.h>

int main(void)
{
    const ptrdiff_t shape[2] = {3, 3};
    nda_array *m = nda_full(NDA_FLOAT64, 2, shape, 1.0);
    if (!m)
        return 1;
    nda_array *d = diag_of(m);
    if (!d)
        return 1;
    nda_status st = scale_all(d, 2.0); // expect: VC001
    printf("scale diagonal: %s\n", nda_status_name(st));
    nda_release(d);
    nda_release(m);
    return 0;
}
