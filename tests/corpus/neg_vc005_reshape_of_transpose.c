/* nda_reshape of a transposed 2-D array cannot be a view (NumPy copies): the result is a fresh
 * array, so filling it and then reading the matrix is no finding (neither VC005 nor VC004). */
#include <nda.h>
#include <stdio.h>

int main(void)
{
    const ptrdiff_t shape[2] = {3, 4};
    nda_array *m = nda_full(NDA_FLOAT64, 2, shape, 1.0);
    nda_array *t = nda_transpose(m);
    const ptrdiff_t flat_shape[1] = {12};
    nda_array *flat = nda_reshape(t, 1, flat_shape);
    if (!m || !t || !flat)
        return 1;
    nda_fill(flat, 0.0);
    printf("sum of m %g, of flat %g\n", nda_sum(m), nda_sum(flat));
    nda_print(stdout, t);
    putchar('\n');
    nda_release(flat);
    nda_release(t);
    nda_release(m);
    return 0;
}
