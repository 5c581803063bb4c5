/* The fixed residual check: A is copied into a separate matrix with gsl_matrix_memcpy, the copy
 * is LU-decomposed and solved, and the row of A kept for the check still holds the equation.
 * Nothing wrote A after the row view was made: no VC003 (the run prints a residual near 0). */
#include <gsl/gsl_blas.h>
#include <gsl/gsl_linalg.h>
#include <gsl/gsl_matrix.h>
#include <gsl/gsl_permutation.h>
#include <gsl/gsl_vector.h>

#include <stdio.h>

int main(void)
{
    const double entries[9] = {1, 5, 3, 4, 1, 2, 2, 3, 6};
    gsl_matrix *a = gsl_matrix_alloc(3, 3);
    for (size_t k = 0; k < 9; k++)
        gsl_matrix_set(a, k / 3, k % 3, entries[k]);
    gsl_vector *b = gsl_vector_alloc(3);
    for (size_t i = 0; i < 3; i++)
        gsl_vector_set(b, i, (double)(i + 1));
    gsl_vector *x = gsl_vector_alloc(3);
    gsl_permutation *p = gsl_permutation_alloc(3);
    int signum = 0;

    gsl_vector_const_view eq1 = gsl_matrix_const_row(a, 1);
    gsl_matrix *lu = gsl_matrix_alloc(3, 3);
    gsl_matrix_memcpy(lu, a);
    gsl_linalg_LU_decomp(lu, p, &signum);
    gsl_linalg_LU_solve(lu, p, b, x);

    double lhs = 0.0;
    gsl_blas_ddot(&eq1.vector, x, &lhs);
    printf("residual of equation 1: %g\n", lhs - gsl_vector_get(b, 1));

    gsl_matrix_free(lu);
    gsl_permutation_free(p);
    gsl_vector_free(x);
    gsl_vector_free(b);
    gsl_matrix_free(a);
    return 0;
}
