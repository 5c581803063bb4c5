/* Works on the four 2x2 blocks of a 4x4 matrix: top-left += bottom-right, and the bottom-left
 * block is copied into the top-right one. Submatrices with constant row and column ranges that
 * do not meet are provably disjoint: no VC002. */
#include <gsl/gsl_matrix.h>

#include <stdio.h>

int main(void)
{
    gsl_matrix *m = gsl_matrix_alloc(4, 4);
    for (size_t i = 0; i < 4; i++)
        for (size_t j = 0; j < 4; j++)
            gsl_matrix_set(m, i, j, (double)(4 * i + j));

    gsl_matrix_view tl = gsl_matrix_submatrix(m, 0, 0, 2, 2);
    gsl_matrix_view tr = gsl_matrix_submatrix(m, 0, 2, 2, 2);
    gsl_matrix_view bl = gsl_matrix_submatrix(m, 2, 0, 2, 2);
    gsl_matrix_view br = gsl_matrix_submatrix(m, 2, 2, 2, 2);
    gsl_matrix_add(&tl.matrix, &br.matrix);
    gsl_matrix_memcpy(&tr.matrix, &bl.matrix);

    printf("m[0][0] %g, m[0][2] %g\n", gsl_matrix_get(m, 0, 0), gsl_matrix_get(m, 0, 2));
    gsl_matrix_free(m);
    return 0;
}
