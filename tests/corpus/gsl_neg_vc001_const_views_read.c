/* Reads a matrix only through GSL const views: a const row, a const column, the const diagonal
 * and a const submatrix feed sums, a dot product, a norm and a maximum. Read-only views that are
 * only read: no VC001 (and nothing else). */
#include <gsl/gsl_blas.h>
#include <gsl/gsl_matrix.h>
#include <gsl/gsl_vector.h>

#include <stdio.h>

int main(void)
{
    gsl_matrix *m = gsl_matrix_alloc(3, 3);
    for (size_t i = 0; i < 3; i++)
        for (size_t j = 0; j < 3; j++)
            gsl_matrix_set(m, i, j, (double)(i * 3 + j));

    gsl_vector_const_view row = gsl_matrix_const_row(m, 0);
    gsl_vector_const_view col = gsl_matrix_const_column(m, 2);
    gsl_vector_const_view diag = gsl_matrix_const_diagonal(m);
    gsl_matrix_const_view block = gsl_matrix_const_submatrix(m, 1, 1, 2, 2);

    double dot = 0.0;
    gsl_blas_ddot(&row.vector, &col.vector, &dot);
    printf("sum %g, dot %g, |diag| %g, block max %g\n", gsl_vector_sum(&row.vector), dot,
           gsl_blas_dnrm2(&diag.vector), gsl_matrix_max(&block.matrix));
    gsl_matrix_free(m);
    return 0;
}
