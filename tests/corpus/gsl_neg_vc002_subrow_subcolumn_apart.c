/* Adds part of column 3 (rows 1-2) onto part of row 0 (columns 0-1) of one matrix with
 * gsl_matrix_subrow and gsl_matrix_subcolumn. Row 0 and rows 1-2 do not meet, nor do columns 0-1
 * and column 3: the regions are provably disjoint, so no VC002. */
#include <gsl/gsl_matrix.h>
#include <gsl/gsl_vector.h>

#include <stdio.h>

int main(void)
{
    gsl_matrix *m = gsl_matrix_alloc(4, 4);
    gsl_matrix_set_all(m, 1.0);

    gsl_vector_view head = gsl_matrix_subrow(m, 0, 0, 2);
    gsl_vector_view tail = gsl_matrix_subcolumn(m, 3, 1, 2);
    gsl_vector_add(&head.vector, &tail.vector);

    printf("m[0][0] %g, m[1][3] %g\n", gsl_matrix_get(m, 0, 0), gsl_matrix_get(m, 1, 3));
    gsl_matrix_free(m);
    return 0;
}
