/* The complex-vector twin of the shifted in-place add: z[1:7] += z[0:6] on one
 * gsl_vector_complex. gsl_vector_complex_add has the same "no partial overlap" contract as the
 * real one, and the windows share z[1:6]: VC002 at the call. The run shows the running sum that
 * the overlap produces instead of pairwise sums. */
#include <gsl/gsl_complex.h>
#include <gsl/gsl_complex_math.h>
#include <gsl/gsl_vector.h>

#include <stdio.h>

int main(void)
{
    gsl_vector_complex *z = gsl_vector_complex_alloc(7);
    for (size_t i = 0; i < 7; i++)
        gsl_vector_complex_set(z, i, gsl_complex_rect(1.0, (double)i));

    gsl_vector_complex_view hi = gsl_vector_complex_subvector(z, 1, 6);
    gsl_vector_complex_view lo = gsl_vector_complex_subvector(z, 0, 6);
    gsl_vector_complex_add(&hi.vector, &lo.vector); // expect: VC002

    gsl_complex last = gsl_vector_complex_get(z, 6);
    printf("z[6] = %g%+gi (expected 2+11i)\n", GSL_REAL(last), GSL_IMAG(last));
    gsl_vector_complex_free(z);
    return 0;
}
