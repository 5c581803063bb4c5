/* Wraps a plain C array in a GSL vector view, scales the view, prints the C array, then reads the
 * view again. gsl_vector_view_array makes a view of the array argument, not a copy: the write
 * through the view changes buf, buf is read, and the view is used again: VC004 at the write. The
 * run shows buf scaled. */
#include <gsl/gsl_vector.h>

#include <stdio.h>

int main(void)
{
    double buf[6] = {1, 2, 3, 4, 5, 6};
    gsl_vector_view scaled = gsl_vector_view_array(buf, 6);
    gsl_vector_scale(&scaled.vector, 10.0); // expect: VC004

    printf("buf[0] = %g (was 1)\n", buf[0]);
    printf("scaled[5] = %g\n", gsl_vector_get(&scaled.vector, 5));
    return 0;
}
