/* Keeps row 1 of A (a const view) to check the residual of the solution, then LU-decomposes A in
 * place and solves. gsl_linalg_LU_decomp overwrites A with its factors, so the kept row now reads
 * the factors, not the equation: VC003 at the stale read of the row. The run prints a residual
 * far from 0. */
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
    gsl_linalg_LU_decomp(a, p, &signum);
    gsl_linalg_LU_solve(a, p, b, x);

    double lhs = 0.0;
    gsl_blas_ddot(&eq1.vector, x, &lhs); // expect: VC003
    printf("residual of equation 1: %g (expected 0)\n", lhs - gsl_vector_get(b, 1));

    gsl_permutation_free(p);
    gsl_vector_free(x);
    gsl_vector_free(b);
    gsl_matrix_free(a);
    return 0;
}
