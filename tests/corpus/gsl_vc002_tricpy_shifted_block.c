/* The same triangle copy, but from a block that starts one column over inside the same matrix:
 * the destination's upper triangle and the source block partly overlap, so some elements are
 * overwritten before they are read. VC002 at the call (partial overlap). */
#include <gsl/gsl_matrix.h>

#include <stdio.h>

int main(void)
{
    gsl_matrix *A = gsl_matrix_calloc(3, 4);
    for (size_t i = 0; i < 3; i++)
        for (size_t j = 0; j < 4; j++)
            gsl_matrix_set(A, i, j, (double)(4 * i + j));
    gsl_matrix_view dst = gsl_matrix_submatrix(A, 0, 0, 3, 3);
    gsl_matrix_view src = gsl_matrix_submatrix(A, 0, 1, 3, 3);
    gsl_matrix_transpose_tricpy(CblasLower, CblasUnit, &dst.matrix, &src.matrix); // expect: VC002
    printf("A[0][2] %g\n", gsl_matrix_get(A, 0, 2));
    gsl_matrix_free(A);
    return 0;
}
