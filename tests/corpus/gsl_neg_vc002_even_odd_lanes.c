/* Splits an interleaved stereo buffer into its even (left) and odd (right) lanes with
 * gsl_vector_subvector_with_stride, computes left -= right, and swaps the lanes with BLAS. The
 * lanes have the same stride 2 and offsets 0 and 1: provably disjoint, so no VC002. */
#include <gsl/gsl_blas.h>
#include <gsl/gsl_vector.h>

#include <stdio.h>

int main(void)
{
    gsl_vector *pcm = gsl_vector_alloc(8);
    for (size_t i = 0; i < 8; i++)
        gsl_vector_set(pcm, i, (double)i);

    gsl_vector_view left = gsl_vector_subvector_with_stride(pcm, 0, 2, 4);
    gsl_vector_view right = gsl_vector_subvector_with_stride(pcm, 1, 2, 4);
    gsl_vector_sub(&left.vector, &right.vector);
    gsl_blas_dswap(&left.vector, &right.vector);

    for (size_t i = 0; i < 8; i++)
        printf(" %g", gsl_vector_get(pcm, i));
    printf("\n");
    gsl_vector_free(pcm);
    return 0;
}
