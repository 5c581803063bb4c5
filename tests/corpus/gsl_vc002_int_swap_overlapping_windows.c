/* Exchanges two windows of an int vector, v[0:4] and v[2:6], with gsl_vector_int_swap. The
 * windows share v[2:4]; the model gives swap a "no partial overlap" contract (identical operands
 * would be harmless): VC002 at the call. The run prints 2 3 4 5 0 1: a got b's old contents,
 * but b did not get a's (0 1 2 3). */
#include <gsl/gsl_vector.h>

#include <stdio.h>

int main(void)
{
    gsl_vector_int *v = gsl_vector_int_alloc(6);
    for (size_t i = 0; i < 6; i++)
        gsl_vector_int_set(v, i, (int)i);

    gsl_vector_int_view a = gsl_vector_int_subvector(v, 0, 4);
    gsl_vector_int_view b = gsl_vector_int_subvector(v, 2, 4);
    gsl_vector_int_swap(&a.vector, &b.vector); // expect: VC002

    printf("v =");
    for (size_t i = 0; i < 6; i++)
        printf(" %d", gsl_vector_int_get(v, i));
    printf("\n");
    gsl_vector_int_free(v);
    return 0;
}
