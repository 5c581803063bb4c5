/* Row views of a matrix kept in an array of handles (one abstract handle for all elements).
 * Writing through rows[1], printing the matrix and then printing rows[1] again is the seed's
 * confusion (VC004 on the write). Releasing every element in a loop is not a double release. */
#include <nda.h>
#include <stdio.h>

int main(void)
{
    const ptrdiff_t shape[2] = {4, 4};
    nda_array *m = nda_zeros(NDA_FLOAT64, 2, shape);
    nda_array *rows[4];
    for (int i = 0; i < 4; i++)
        rows[i] = nda_row(m, i);
    nda_set1(rows[1], 0, 5.0); // expect: VC004
    nda_print(stdout, m);
    putchar('\n');
    nda_print(stdout, rows[1]);
    putchar('\n');
    for (int i = 0; i < 4; i++)
        nda_release(rows[i]);
    nda_release(m);
    return 0;
}
