/* Folds the upper half of a GSL vector onto the lower half: lo = v[0:4], hi = v[4:8], then
 * lo += hi, a BLAS axpy from hi into lo, and a memcpy back. The windows have constant bounds and
 * do not overlap ("provably disjoint regions are never findings"): no finding. */
#include <gsl/gsl_blas.h>
#include <gsl/gsl_vector.h>

#include <stdio.h>

int main(void)
{
    gsl_vector *v = gsl_vector_alloc(8);
    for (size_t i = 0; i < 8; i++)
        gsl_vector_set(v, i, (double)i);

    gsl_vector_view lo = gsl_vector_subvector(v, 0, 4);
    gsl_vector_view hi = gsl_vector_subvector(v, 4, 4);
    gsl_vector_add(&lo.vector, &hi.vector);
    gsl_blas_daxpy(0.5, &hi.vector, &lo.vector);
    gsl_vector_memcpy(&hi.vector, &lo.vector);

    for (size_t i = 0; i < 8; i++)
        printf(" %g", gsl_vector_get(v, i));
    printf("\n");
    gsl_vector_free(v);
    return 0;
}
