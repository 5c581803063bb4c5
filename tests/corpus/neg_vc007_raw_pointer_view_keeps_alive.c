/* Gets a data pointer of a row view, releases the matrix handle, and reads through the pointer
 * while the row view is still held; the row is released last. The pointer's array (the row) has
 * not released its reference when the pointer is used, so no VC007. No finding in this file. */
#include <nda.h>
#include <stdio.h>

int main(void)
{
    const ptrdiff_t shape[2] = {2, 3};
    const double v[6] = {1, 2, 3, 4, 5, 6};
    nda_array *m = nda_from_values(NDA_FLOAT64, 2, shape, v);
    if (!m)
        return 1;
    nda_array *row = nda_row(m, 1);
    nda_release(m);
    if (!row)
        return 1;
    const double *p = nda_data(row);
    printf("row 1: %g %g %g\n", p[0], p[1], p[2]);
    nda_release(row);
    return 0;
}
