/* Transposes a square matrix with gsl_matrix_transpose_memcpy(m, m) instead of
 * gsl_matrix_transpose(m). Element (i, j) of the source lands on (j, i) of the destination, so
 * the model forbids any overlap, identity included: VC002 at the call. The run shows a symmetric
 * matrix instead of the transpose (the upper triangle is copied over the lower one). */
#include <gsl/gsl_matrix.h>

#include <stdio.h>

int main(void)
{
    gsl_matrix *m = gsl_matrix_alloc(3, 3);
    for (size_t i = 0; i < 3; i++)
        for (size_t j = 0; j < 3; j++)
            gsl_matrix_set(m, i, j, (double)(3 * i + j));

    gsl_matrix_transpose_memcpy(m, m); // expect: VC002

    for (size_t i = 0; i < 3; i++)
        printf("%g %g %g\n", gsl_matrix_get(m, i, 0), gsl_matrix_get(m, i, 1),
               gsl_matrix_get(m, i, 2));
    printf("expected the transpose: 0 3 6 / 1 4 7 / 2 5 8\n");
    gsl_matrix_free(m);
    return 0;
}
