/* The fixed version of the "scaled row" bug: row 1 is copied into a separate vector with
 * gsl_vector_memcpy (and row 0 with gsl_matrix_get_row), the copies are scaled, the matrix is
 * printed, and the copies are used again. The copies own their memory: no finding. */
#include <gsl/gsl_matrix.h>
#include <gsl/gsl_vector.h>

#include <stdio.h>

int main(void)
{
    gsl_matrix *m = gsl_matrix_alloc(2, 3);
    gsl_matrix_set_all(m, 4.0);

    gsl_vector_view r = gsl_matrix_row(m, 1);
    gsl_vector *copy = gsl_vector_alloc(3);
    gsl_vector_memcpy(copy, &r.vector);
    gsl_vector *first = gsl_vector_alloc(3);
    gsl_matrix_get_row(first, m, 0);
    gsl_vector_scale(copy, 0.5);
    gsl_vector_add_constant(first, 1.0);

    printf("m[1][0] = %g\n", gsl_matrix_get(m, 1, 0));
    printf("copy[0] = %g, first[0] = %g\n", gsl_vector_get(copy, 0), gsl_vector_get(first, 0));
    gsl_vector_free(first);
    gsl_vector_free(copy);
    gsl_matrix_free(m);
    return 0;
}
