/* Takes a data pointer into row 1 of a matrix, releases the row view and then the matrix (the
 * last reference to the memory), and reads the row's last value through the pointer: VC007, "a
 * raw data pointer is used after its array's last reference is released". */
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
    if (!row)
        return 1;
    const double *p = nda_data(row);
    double first = p[0];
    nda_release(row);
    nda_release(m);
    printf("row 1: first %g, last %g\n", first, p[2]); // expect: VC007
    return 0;
}
