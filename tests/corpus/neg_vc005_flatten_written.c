/* Flattens a matrix with nda_flatten (always a fresh copy, unlike nda_ravel), zeroes the negative
 * entries of the flat copy and prints the matrix and the copy. nda_flatten is not a maybe-view,
 * so writing its result never reaches the matrix: no VC005 (nor VC004). No finding here. */
#include <nda.h>
#include <stdio.h>

int main(void)
{
    const ptrdiff_t shape[2] = {2, 2};
    const double v[4] = {1.5, -2.0, -0.5, 3.0};
    nda_array *m = nda_from_values(NDA_FLOAT64, 2, shape, v);
    nda_array *flat = m ? nda_flatten(m) : NULL;
    if (!flat)
        return 1;
    for (ptrdiff_t i = 0; i < nda_size(flat); i++)
        if (nda_get1(flat, i) < 0)
            nda_set1(flat, i, 0.0);
    nda_print(stdout, m);
    putchar('\n');
    nda_print(stdout, flat);
    putchar('\n');
    nda_release(flat);
    nda_release(m);
    return 0;
}
