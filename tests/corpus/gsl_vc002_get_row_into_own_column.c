/* Copies row 1 of a matrix into its own column 0 with gsl_matrix_get_row. GSL documents overlap
 * of the matrix and the vector as undefined, so the model says "no overlap at all" and column 0
 * is part of m: VC002 at the call. The run shows the "input" row 1 modified by the copy
 * (m[1][0] becomes 11): the column is printed first, then the matrix. */
#include <gsl/gsl_matrix.h>
#include <gsl/gsl_vector.h>

#include <stdio.h>

int main(void)
{
    gsl_matrix *m = gsl_matrix_alloc(3, 3);
    for (size_t i = 0; i < 3; i++)
        for (size_t j = 0; j < 3; j++)
            gsl_matrix_set(m, i, j, (double)(10 * i + j));

    gsl_vector_view col = gsl_matrix_column(m, 0);
    gsl_matrix_get_row(&col.vector, m, 1); // expect: VC002
    printf("column 0: %g %g %g\n", gsl_vector_get(&col.vector, 0), gsl_vector_get(&col.vector, 1),
           gsl_vector_get(&col.vector, 2));

    printf("row 1   : %g %g %g (was 10 11 12)\n", gsl_matrix_get(m, 1, 0), gsl_matrix_get(m, 1, 1),
           gsl_matrix_get(m, 1, 2));
    gsl_matrix_free(m);
    return 0;
}
