/* Shifts a history vector right by one slot with gsl_vector_memcpy between two overlapping
 * subvectors (hist[1:6] = hist[0:5]) before storing the newest value. The model gives
 * gsl_vector_memcpy a "no partial overlap" contract: VC002 at the call. The run shows the oldest
 * value smeared over the whole history (GSL copies forward). */
#include <gsl/gsl_vector.h>

#include <stdio.h>

int main(void)
{
    gsl_vector *hist = gsl_vector_alloc(6);
    for (size_t i = 0; i < 6; i++)
        gsl_vector_set(hist, i, (double)(6 - i));

    gsl_vector_view older = gsl_vector_subvector(hist, 1, 5);
    gsl_vector_view newer = gsl_vector_subvector(hist, 0, 5);
    gsl_vector_memcpy(&older.vector, &newer.vector); // expect: VC002
    gsl_vector_set(hist, 0, 7.0);

    printf("history :");
    for (size_t i = 0; i < 6; i++)
        printf(" %g", gsl_vector_get(hist, i));
    printf("\nexpected: 7 6 5 4 3 2\n");
    gsl_vector_free(hist);
    return 0;
}
