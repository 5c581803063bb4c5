/* The trailing block of a deflating loop kept in a second variable g, made before the sweep.
 * The sweep scales the whole block through h, which covers g, so reading g afterwards reads
 * memory changed through another handle: VC003 (two variables, two views at once; compare
 * gsl_neg_vc003_view_shrinks_itself.c, where h replaces itself). */
#include <gsl/gsl_matrix.h>

#include <stdio.h>

int main(void)
{
    gsl_matrix *H = gsl_matrix_alloc(4, 4);
    gsl_matrix_set_all(H, 1.0);
    gsl_matrix_view h = gsl_matrix_submatrix(H, 0, 0, 4, 4);
    gsl_matrix_view g = gsl_matrix_submatrix(&h.matrix, 1, 1, 3, 3);
    double before = gsl_matrix_get(&g.matrix, 0, 0);
    gsl_matrix_scale(&h.matrix, 2.0);
    double after = gsl_matrix_get(&g.matrix, 0, 0); // expect: VC003
    printf("g[0][0] before %g, after %g\n", before, after);
    gsl_matrix_free(H);
    return 0;
}
