/* Moves the top two rows of a float matrix down by one with gsl_matrix_float_memcpy between two
 * overlapping submatrices (rows 1-2 = rows 0-1). The row ranges [0, 2) and [1, 3) share row 1,
 * and memcpy's contract is "no partial overlap": VC002 at the call. The run shows row 0 copied
 * into both rows 1 and 2. */
#include <gsl/gsl_matrix.h>

#include <stdio.h>

int main(void)
{
    gsl_matrix_float *m = gsl_matrix_float_alloc(3, 3);
    for (size_t i = 0; i < 3; i++)
        for (size_t j = 0; j < 3; j++)
            gsl_matrix_float_set(m, i, j, (float)(i + 1));

    gsl_matrix_float_view down = gsl_matrix_float_submatrix(m, 1, 0, 2, 3);
    gsl_matrix_float_view up = gsl_matrix_float_submatrix(m, 0, 0, 2, 3);
    gsl_matrix_float_memcpy(&down.matrix, &up.matrix); // expect: VC002

    printf("first column: %g %g %g (expected 1 1 2)\n", (double)gsl_matrix_float_get(m, 0, 0),
           (double)gsl_matrix_float_get(m, 1, 0), (double)gsl_matrix_float_get(m, 2, 0));
    gsl_matrix_float_free(m);
    return 0;
}
