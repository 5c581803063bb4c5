/* Squares a matrix "in place" with gsl_blas_dgemm(A, A, C = A). The output C must not overlap the
 * inputs A and B (the BLAS convention, "no overlap at all": identical operands are forbidden
 * too): VC002 at the call. The run shows A all zeros: dgemm clears C for beta = 0 before it
 * reads A. */
#include <gsl/gsl_blas.h>
#include <gsl/gsl_matrix.h>

#include <stdio.h>

int main(void)
{
    gsl_matrix *a = gsl_matrix_alloc(2, 2);
    gsl_matrix_set(a, 0, 0, 1.0);
    gsl_matrix_set(a, 0, 1, 2.0);
    gsl_matrix_set(a, 1, 0, 3.0);
    gsl_matrix_set(a, 1, 1, 4.0);

    gsl_blas_dgemm(CblasNoTrans, CblasNoTrans, 1.0, a, a, 0.0, a); // expect: VC002

    printf("A^2 = [%g %g; %g %g] (expected [7 10; 15 22])\n", gsl_matrix_get(a, 0, 0),
           gsl_matrix_get(a, 0, 1), gsl_matrix_get(a, 1, 0), gsl_matrix_get(a, 1, 1));
    gsl_matrix_free(a);
    return 0;
}
