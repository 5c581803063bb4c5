/* Factorizes the leading 2x2 block of a matrix in place through a submatrix view, prints an entry
 * of the whole matrix, then solves with the block. gsl_linalg_cholesky_decomp1 overwrites the
 * view's memory, which is A's: the write through the view, a read of A, and the view used again
 * make VC004 at the decomposition. The run shows A's block replaced by the factor. */
#include <gsl/gsl_linalg.h>
#include <gsl/gsl_matrix.h>
#include <gsl/gsl_vector.h>

#include <stdio.h>

int main(void)
{
    gsl_matrix *a = gsl_matrix_alloc(3, 3);
    gsl_matrix_set_identity(a);
    gsl_matrix_set(a, 0, 0, 4.0);
    gsl_matrix_set(a, 0, 1, 2.0);
    gsl_matrix_set(a, 1, 0, 2.0);
    gsl_matrix_set(a, 1, 1, 5.0);
    gsl_vector *rhs = gsl_vector_alloc(2);
    gsl_vector_set_all(rhs, 1.0);

    gsl_matrix_view block = gsl_matrix_submatrix(a, 0, 0, 2, 2);
    gsl_linalg_cholesky_decomp1(&block.matrix); // expect: VC004
    printf("A[0][0] = %g (was 4)\n", gsl_matrix_get(a, 0, 0));
    gsl_linalg_cholesky_svx(&block.matrix, rhs);
    printf("x = %g %g\n", gsl_vector_get(rhs, 0), gsl_vector_get(rhs, 1));

    gsl_vector_free(rhs);
    gsl_matrix_free(a);
    return 0;
}
