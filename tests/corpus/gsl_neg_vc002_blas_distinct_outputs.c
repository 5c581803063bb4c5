/* BLAS calls whose outputs are separate from their inputs: y = A x into a fresh vector,
 * C = A B into a fresh matrix, a rank-1 update of A from two separate vectors, and a copy between
 * two different rows of one matrix. No output overlaps an input: no VC002. */
#include <gsl/gsl_blas.h>
#include <gsl/gsl_matrix.h>
#include <gsl/gsl_vector.h>

#include <stdio.h>

int main(void)
{
    gsl_matrix *a = gsl_matrix_alloc(3, 3);
    gsl_matrix *b = gsl_matrix_alloc(3, 3);
    gsl_matrix *c = gsl_matrix_alloc(3, 3);
    gsl_vector *x = gsl_vector_alloc(3);
    gsl_vector *y = gsl_vector_alloc(3);
    gsl_matrix_set_identity(a);
    gsl_matrix_set_all(b, 2.0);
    gsl_vector_set_all(x, 1.0);

    gsl_blas_dgemv(CblasNoTrans, 1.0, a, x, 0.0, y);
    gsl_blas_dgemm(CblasNoTrans, CblasTrans, 1.0, a, b, 0.0, c);
    gsl_blas_dger(1.0, x, y, a);
    gsl_vector_view r0 = gsl_matrix_row(c, 0);
    gsl_vector_view r2 = gsl_matrix_row(c, 2);
    gsl_blas_dcopy(&r0.vector, &r2.vector);

    printf("y[0] %g, c[2][0] %g, a[0][0] %g\n", gsl_vector_get(y, 0), gsl_matrix_get(c, 2, 0),
           gsl_matrix_get(a, 0, 0));
    gsl_vector_free(y);
    gsl_vector_free(x);
    gsl_matrix_free(c);
    gsl_matrix_free(b);
    gsl_matrix_free(a);
    return 0;
}
