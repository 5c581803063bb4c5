/* Completing a symmetric matrix from its lower triangle, as GSL's own Cholesky code does:
 * gsl_matrix_transpose_tricpy(CblasLower, CblasUnit, A, A) copies the strict lower triangle of
 * A^T into the strict upper triangle of A. Source and destination are the same matrix, and the
 * two strict triangles never meet: identical operands are fine, only a partial overlap is not.
 * No VC002. */
#include <gsl/gsl_matrix.h>

#include <stdio.h>

int main(void)
{
    gsl_matrix *A = gsl_matrix_calloc(3, 3);
    for (size_t i = 0; i < 3; i++)
        for (size_t j = 0; j <= i; j++)
            gsl_matrix_set(A, i, j, (double)(1 + i + j));
    gsl_matrix_transpose_tricpy(CblasLower, CblasUnit, A, A);
    printf("A[0][2] %g == A[2][0] %g\n", gsl_matrix_get(A, 0, 2), gsl_matrix_get(A, 2, 0));
    gsl_matrix_free(A);
    return 0;
}
