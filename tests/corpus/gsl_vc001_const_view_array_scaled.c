/* A lookup table is exposed through gsl_vector_const_view_array, and a later change scales it
 * through a cast that drops the const. A const view is read-only (rules.md: "GSL const views"):
 * VC001 at the write. The table lives in writable storage, so the run succeeds and shows the
 * "read-only" table doubled. */
#include <gsl/gsl_vector.h>

#include <stdio.h>

static double table[4] = {0.5, 1.0, 2.0, 4.0};

int main(void)
{
    gsl_vector_const_view lut = gsl_vector_const_view_array(table, 4);
    printf("max %g\n", gsl_vector_max(&lut.vector));
    gsl_vector_scale((gsl_vector *)&lut.vector, 2.0); // expect: VC001
    printf("table[0] = %g (was 0.5)\n", table[0]);
    return 0;
}
