/* A blocked factorisation step with block sizes known only at run time: A11 = rows/cols [0,N1),
 * A21 = rows [N1,N1+N2) x cols [0,N1), A22 = rows and cols [N1,N1+N2); a Householder step on
 * column i against columns i+1..; a work vector cut into [0,N) and [N,2N); rows top+j and
 * top+j+1. Regions whose bounds are the same expressions plus a length never meet: no VC002. */
#include <gsl/gsl_blas.h>
#include <gsl/gsl_linalg.h>
#include <gsl/gsl_matrix.h>

#include <stdio.h>
#include <stdlib.h>

static void blocks(gsl_matrix *A, size_t N1, size_t N2)
{
    gsl_matrix_view A11 = gsl_matrix_submatrix(A, 0, 0, N1, N1);
    gsl_matrix_view A21 = gsl_matrix_submatrix(A, N1, 0, N2, N1);
    gsl_matrix_view A22 = gsl_matrix_submatrix(A, N1, N1, N2, N2);
    gsl_blas_dtrsm(CblasRight, CblasLower, CblasTrans, CblasNonUnit, 1.0, &A11.matrix, &A21.matrix);
    gsl_blas_dsyrk(CblasLower, CblasNoTrans, -1.0, &A21.matrix, 1.0, &A22.matrix);
}

static void column_against_rest(gsl_matrix *A, size_t i, double tau)
{
    gsl_vector_view v = gsl_matrix_subcolumn(A, i, i, A->size1 - i);
    gsl_matrix_view m = gsl_matrix_submatrix(A, i, i + 1, A->size1 - i, A->size2 - i - 1);
    gsl_linalg_householder_hm(tau, &v.vector, &m.matrix);
}

static void halves(gsl_vector *work, size_t N)
{
    gsl_vector_view a = gsl_vector_subvector(work, 0, N);
    gsl_vector_view b = gsl_vector_subvector(work, N, N);
    gsl_vector_memcpy(&b.vector, &a.vector);
    gsl_blas_daxpy(1.0, &a.vector, &b.vector);
}

static void adjacent_rows(gsl_matrix *H, size_t top, size_t j)
{
    gsl_vector_view x = gsl_matrix_subrow(H, top + j, top, H->size2 - top);
    gsl_vector_view y = gsl_matrix_subrow(H, top + j + 1, top, H->size2 - top);
    gsl_blas_drot(&x.vector, &y.vector, 0.6, 0.8);
}

static void swap_rows(gsl_matrix *A, size_t i, size_t j)
{
    gsl_vector_view x = gsl_matrix_row(A, i);
    gsl_vector_view y = gsl_matrix_row(A, j);
    gsl_blas_dswap(&x.vector, &y.vector); /* whole rows: the same one or two apart */
}

int main(int argc, char **argv)
{
    size_t n1 = argc > 1 ? (size_t)atoi(argv[1]) : 2, n2 = 6 - n1;
    gsl_matrix *A = gsl_matrix_alloc(6, 6);
    for (size_t i = 0; i < 6; i++)
        for (size_t j = 0; j < 6; j++)
            gsl_matrix_set(A, i, j, i == j ? 10.0 : 1.0 / (double)(1 + i + j));
    blocks(A, n1, n2);
    column_against_rest(A, 1, 1.5);
    adjacent_rows(A, 1, 2);
    swap_rows(A, 0, 5);
    gsl_vector *work = gsl_vector_calloc(8);
    gsl_vector_set(work, 0, 1.0);
    halves(work, 4);
    printf("A[5][5] %g, work[4] %g\n", gsl_matrix_get(A, 5, 5), gsl_vector_get(work, 4));
    gsl_vector_free(work);
    gsl_matrix_free(A);
    return 0;
}
