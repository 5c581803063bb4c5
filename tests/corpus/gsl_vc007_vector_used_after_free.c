/* A helper computes into a scratch vector, frees the scratch on the way out and then reads its
 * maximum from it. gsl_vector_free gives the vector up; the read afterwards is VC007 at the use
 * after release. The run crashes there (SIGSEGV: gsl_vector_max reads the freed struct); libgsl
 * is not instrumented, so AddressSanitizer does not see this one. */
#include <gsl/gsl_vector.h>

#include <stdio.h>

static double peak_of_squares(const gsl_vector *x)
{
    gsl_vector *sq = gsl_vector_alloc(x->size);
    gsl_vector_memcpy(sq, x);
    gsl_vector_mul(sq, x);
    gsl_vector_free(sq);
    return gsl_vector_max(sq); // expect: VC007
}

int main(void)
{
    gsl_vector *x = gsl_vector_alloc(4);
    for (size_t i = 0; i < 4; i++)
        gsl_vector_set(x, i, (double)i - 1.5);
    printf("peak %g\n", peak_of_squares(x));
    gsl_vector_free(x);
    return 0;
}
