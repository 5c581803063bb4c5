/* Stores the row sums A * 1 into column 0 of A itself with gsl_blas_dgemv. BLAS outputs must not
 * overlap their inputs ("no overlap at all": BLAS outputs vs inputs), and y = column 0 of A is
 * part of A: VC002 at the call. The run shows dgemv clearing y (beta = 0) before it reads A, so
 * the sums come out wrong; the same product into a separate vector is correct. */
#include <gsl/gsl_blas.h>
#include <gsl/gsl_matrix.h>
#include <gsl/gsl_vector.h>

#include <stdio.h>

int main(void)
{
    gsl_matrix *a = gsl_matrix_alloc(3, 3);
    for (size_t i = 0; i < 3; i++)
        for (size_t j = 0; j < 3; j++)
            gsl_matrix_set(a, i, j, (double)(i + j + 1));
    gsl_vector *ones = gsl_vector_alloc(3);
    gsl_vector_set_all(ones, 1.0);
    gsl_vector *want = gsl_vector_alloc(3);
    gsl_blas_dgemv(CblasNoTrans, 1.0, a, ones, 0.0, want);

    gsl_vector_view sums = gsl_matrix_column(a, 0);
    gsl_blas_dgemv(CblasNoTrans, 1.0, a, ones, 0.0, &sums.vector); // expect: VC002

    for (size_t i = 0; i < 3; i++)
        printf("row %zu: got %g, expected %g\n", i, gsl_vector_get(&sums.vector, i),
               gsl_vector_get(want, i));
    gsl_vector_free(want);
    gsl_vector_free(ones);
    gsl_matrix_free(a);
    return 0;
}
