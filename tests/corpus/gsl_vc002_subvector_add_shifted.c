/* Adds each element's left neighbour two slots back, in place, with two overlapping subvectors of
 * one GSL vector: v[2:8] += v[0:6]. gsl_vector_add's contract is "no partial overlap" (element i
 * of the output is written before element i + 2 of the input is read), and the windows overlap
 * in v[2:6]: VC002 at the call. The run shows the updated values cascading. */
#include <gsl/gsl_vector.h>

#include <stdio.h>

int main(void)
{
    gsl_vector *v = gsl_vector_alloc(8);
    for (size_t i = 0; i < 8; i++)
        gsl_vector_set(v, i, (double)i);

    gsl_vector_view dst = gsl_vector_subvector(v, 2, 6);
    gsl_vector_view src = gsl_vector_subvector(v, 0, 6);
    gsl_vector_add(&dst.vector, &src.vector); // expect: VC002

    printf("got     :");
    for (size_t i = 0; i < 8; i++)
        printf(" %g", gsl_vector_get(v, i));
    printf("\nexpected: 0 1 2 4 6 8 10 12\n");
    gsl_vector_free(v);
    return 0;
}
