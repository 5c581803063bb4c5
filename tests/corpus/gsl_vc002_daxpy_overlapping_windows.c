/* A smoothing step written as y = x + y with gsl_blas_daxpy on two windows of one signal,
 * s[2:8] += s[0:6]. BLAS outputs must not overlap their inputs ("no overlap at all"), and the
 * windows share s[2:6]: VC002 at the call. The run shows already-updated elements being read
 * again (the values differ from the same update done with a copy of the input window). */
#include <gsl/gsl_blas.h>
#include <gsl/gsl_vector.h>

#include <stdio.h>

int main(void)
{
    gsl_vector *s = gsl_vector_alloc(8);
    for (size_t i = 0; i < 8; i++)
        gsl_vector_set(s, i, 1.0);

    gsl_vector_view x = gsl_vector_subvector(s, 0, 6);
    gsl_vector_view y = gsl_vector_subvector(s, 2, 6);
    gsl_blas_daxpy(1.0, &x.vector, &y.vector); // expect: VC002

    printf("got     :");
    for (size_t i = 0; i < 8; i++)
        printf(" %g", gsl_vector_get(s, i));
    printf("\nexpected: 1 1 2 2 2 2 2 2\n");
    gsl_vector_free(s);
    return 0;
}
