/* One Jacobi-style step: the previous iterate is "saved" as a subvector view of x, x is
 * overwritten with the new iterate, and the change is measured against the saved one. The view
 * covers x's memory, which changed through x after the view was made; reading it is VC003 at the
 * stale read ("V was probably meant as a snapshot"). The run reports a change of 0. */
#include <gsl/gsl_blas.h>
#include <gsl/gsl_vector.h>

#include <stdio.h>

int main(void)
{
    const size_t n = 4;
    gsl_vector *x = gsl_vector_alloc(n);
    gsl_vector *next = gsl_vector_alloc(n);
    gsl_vector_set_all(x, 1.0);

    gsl_vector_view prev = gsl_vector_subvector(x, 0, n);
    for (size_t i = 0; i < n; i++)
        gsl_vector_set(next, i, 0.5 * gsl_vector_get(x, i) + 1.0);
    gsl_vector_memcpy(x, next);

    gsl_vector_sub(next, &prev.vector); // expect: VC003
    printf("change %g (expected 2)\n", gsl_blas_dasum(next));

    gsl_vector_free(next);
    gsl_vector_free(x);
    return 0;
}
