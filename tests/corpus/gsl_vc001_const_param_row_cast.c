/* A statistics helper takes its matrix as `const gsl_matrix *` and normalizes a row of it in
 * place, reaching the row through a view of the const parameter after a cast. A write through a
 * view of a const-qualified parameter is VC001, reported in the function with the const
 * parameter, at the write. The run shows the caller's matrix changed. */
#include <gsl/gsl_matrix.h>
#include <gsl/gsl_vector.h>

#include <stdio.h>

static double row_share(const gsl_matrix *m, size_t i, size_t j)
{
    gsl_vector_view r = gsl_matrix_row((gsl_matrix *)m, i);
    double total = 0.0;
    for (size_t k = 0; k < m->size2; k++)
        total += gsl_vector_get(&r.vector, k);
    gsl_vector_scale(&r.vector, 1.0 / total); // expect: VC001
    return gsl_vector_get(&r.vector, j);
}

int main(void)
{
    gsl_matrix *counts = gsl_matrix_alloc(2, 2);
    gsl_matrix_set_all(counts, 3.0);
    printf("share %g\n", row_share(counts, 0, 1));
    printf("counts[0][0] = %g (was 3)\n", gsl_matrix_get(counts, 0, 0));
    gsl_matrix_free(counts);
    return 0;
}
