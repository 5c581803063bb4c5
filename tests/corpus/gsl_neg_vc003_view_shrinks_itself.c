/* A deflating eigenvalue-style loop: h starts as the whole active block and, after each sweep,
 * becomes its own trailing submatrix (h = gsl_matrix_submatrix(&h.matrix, 1, 1, ...)). The sweep
 * writes through h and the next read is through h again: one variable is one view at a time, so
 * no handle reads memory changed through another: no VC003, no VC004. */
#include <gsl/gsl_matrix.h>

#include <stdio.h>

static void sweep(gsl_matrix *h)
{
    gsl_matrix_set(h, 0, 0, gsl_matrix_get(h, 0, 0) / 2.0);
}

static double corner(const gsl_matrix *h)
{
    return gsl_matrix_get(h, 0, 0);
}

int main(void)
{
    gsl_matrix *H = gsl_matrix_alloc(5, 5);
    gsl_matrix_set_identity(H);
    size_t n = 5;
    gsl_matrix_view h = gsl_matrix_submatrix(H, 0, 0, n, n);
    double total = 0.0;
    while (n > 1) {
        double before = corner(&h.matrix);
        sweep(&h.matrix);
        total += before - corner(&h.matrix);
        n--;
        h = gsl_matrix_submatrix(&h.matrix, 1, 1, n, n);
    }
    printf("total %g, H[4][4] %g\n", total, gsl_matrix_get(H, 4, 4));
    gsl_matrix_free(H);
    return 0;
}
