/* Normalizes each row of a matrix in place through a row view and prints the matrix afterwards.
 * Each view's in-place update is finished before the base is read, and the views are not used
 * after that read: "what views are for", no VC004. */
#include <gsl/gsl_blas.h>
#include <gsl/gsl_matrix.h>
#include <gsl/gsl_vector.h>

#include <stdio.h>

int main(void)
{
    gsl_matrix *m = gsl_matrix_alloc(2, 2);
    gsl_matrix_set(m, 0, 0, 3.0);
    gsl_matrix_set(m, 0, 1, 4.0);
    gsl_matrix_set(m, 1, 0, 6.0);
    gsl_matrix_set(m, 1, 1, 8.0);

    for (size_t i = 0; i < 2; i++) {
        gsl_vector_view r = gsl_matrix_row(m, i);
        gsl_vector_scale(&r.vector, 1.0 / gsl_blas_dnrm2(&r.vector));
    }
    printf("%g %g / %g %g\n", gsl_matrix_get(m, 0, 0), gsl_matrix_get(m, 0, 1),
           gsl_matrix_get(m, 1, 0), gsl_matrix_get(m, 1, 1));
    gsl_matrix_free(m);
    return 0;
}
