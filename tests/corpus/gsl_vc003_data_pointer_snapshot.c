/* Remembers the first sample through a raw pointer from gsl_vector_ptr as "the value before the
 * reset", resets the vector, then reports the old value through the pointer. The pointer is a
 * handle derived from v; v's memory changed through v after it was taken; reading it is VC003 at
 * the stale read. The run prints the new value 0 as the "old" one. */
#include <gsl/gsl_vector.h>

#include <stdio.h>

int main(void)
{
    gsl_vector *v = gsl_vector_alloc(5);
    gsl_vector_set_all(v, 42.0);

    const double *before = gsl_vector_ptr(v, 0);
    gsl_vector_set_zero(v);
    double old = *before; // expect: VC003
    printf("value before the reset: %g (expected 42)\n", old);
    gsl_vector_free(v);
    return 0;
}
