/* The same block split as a blocked factorisation, off by one: the second window starts at N-1
 * (or the trailing block at column N1-1), so the two share one element or column. The
 * bounds are run-time values; they are the same expressions one apart, so the regions may
 * overlap: VC002 at both calls ("no overlap at all" for BLAS outputs). */
#include <gsl/gsl_blas.h>
#include <gsl/gsl_matrix.h>

#include <stdio.h>
#include <stdlib.h>

static void halves(gsl_vector *work, size_t N)
{
    gsl_vector_view a = gsl_vector_subvector(work, 0, N);
    gsl_vector_view b = gsl_vector_subvector(work, N - 1, N);
    gsl_blas_daxpy(1.0, &a.vector, &b.vector); // expect: VC002
}

static void blocks(gsl_matrix *A, size_t N1, size_t N2)
{
    gsl_matrix_view a = gsl_matrix_submatrix(A, N1, 0, N2, N1);
    gsl_matrix_view c = gsl_matrix_submatrix(A, N1, N1 - 1, N2, N2);
    gsl_blas_dsyrk(CblasLower, CblasNoTrans, 1.0, &a.matrix, 0.0, &c.matrix); // expect: VC002
}

int main(int argc, char **argv)
{
    size_t n = argc > 1 ? (size_t)atoi(argv[1]) : 3;
    gsl_vector *work = gsl_vector_alloc(2 * n + 1);
    gsl_vector_set_all(work, 1.0);
    halves(work, n);
    gsl_matrix *A = gsl_matrix_alloc(2 * n, 2 * n);
    gsl_matrix_set_identity(A);
    blocks(A, n, n);
    printf("work[n] %g, A[n][n-1] %g\n", gsl_vector_get(work, n), gsl_matrix_get(A, n, n - 1));
    gsl_matrix_free(A);
    gsl_vector_free(work);
    return 0;
}
