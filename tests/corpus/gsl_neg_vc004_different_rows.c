/* Scales row 1 of a matrix through a row view, reads row 2 through another view, and then uses
 * row 1 again. The only read of other memory after the write is of a different constant row, and
 * different rows never conflict: no VC004 (nor VC003: row 2 was not written). */
#include <gsl/gsl_matrix.h>
#include <gsl/gsl_vector.h>

#include <stdio.h>

int main(void)
{
    gsl_matrix *m = gsl_matrix_alloc(3, 4);
    gsl_matrix_set_all(m, 2.0);

    gsl_vector_view r1 = gsl_matrix_row(m, 1);
    gsl_vector_view r2 = gsl_matrix_row(m, 2);
    gsl_vector_scale(&r1.vector, 3.0);
    printf("row 2 starts with %g\n", gsl_vector_get(&r2.vector, 0));
    printf("row 1 starts with %g\n", gsl_vector_get(&r1.vector, 0));
    gsl_matrix_free(m);
    return 0;
}
