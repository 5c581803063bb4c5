/* Doubles a vector with gsl_vector_add(a, a), squares a matrix element-wise with
 * gsl_matrix_mul_elements(m, m), and swaps a vector with itself. These contracts are "no partial
 * overlap": identical operands are allowed, so no VC002. */
#include <gsl/gsl_matrix.h>
#include <gsl/gsl_vector.h>

#include <stdio.h>

int main(void)
{
    gsl_vector *a = gsl_vector_alloc(4);
    gsl_vector_set_all(a, 1.5);
    gsl_matrix *m = gsl_matrix_alloc(2, 2);
    gsl_matrix_set_all(m, 3.0);

    gsl_vector_add(a, a);
    gsl_matrix_mul_elements(m, m);
    gsl_vector_view w = gsl_vector_subvector(a, 1, 2);
    gsl_vector_swap(&w.vector, &w.vector);

    printf("a[0] %g, m[0][0] %g\n", gsl_vector_get(a, 0), gsl_matrix_get(m, 0, 0));
    gsl_matrix_free(m);
    gsl_vector_free(a);
    return 0;
}
