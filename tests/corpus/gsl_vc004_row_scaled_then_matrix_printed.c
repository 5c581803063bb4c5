/* Normalizes row 1 of a GSL matrix through a row view, prints the matrix, then prints the "row"
 * again. gsl_matrix_row returns a view (&r.vector), not a copy: the write through r changes m, m
 * is read, and r is used again: VC004 at the write through the view ("either it believes V is a
 * copy"). The run shows m's row 1 halved. */
#include <gsl/gsl_matrix.h>
#include <gsl/gsl_vector.h>

#include <stdio.h>

int main(void)
{
    gsl_matrix *m = gsl_matrix_alloc(3, 3);
    for (size_t i = 0; i < 3; i++)
        for (size_t j = 0; j < 3; j++)
            gsl_matrix_set(m, i, j, (double)(3 * i + j + 1));

    gsl_vector_view r = gsl_matrix_row(m, 1);
    gsl_vector_scale(&r.vector, 0.5); // expect: VC004

    printf("m[1][0] = %g (was 4)\n", gsl_matrix_get(m, 1, 0));
    printf("r[0] = %g\n", gsl_vector_get(&r.vector, 0));
    gsl_matrix_free(m);
    return 0;
}
