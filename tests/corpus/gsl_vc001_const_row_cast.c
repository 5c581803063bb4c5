/* Reads a calibration row through a GSL const view, then "clears" it by casting the const away.
 * gsl_matrix_const_row is a read-only view (rules.md: "GSL const views"), so the write through it
 * is VC001 at the writing call. GSL does not enforce const at run time: the run shows the
 * calibration matrix changed. */
#include <gsl/gsl_matrix.h>
#include <gsl/gsl_vector.h>

#include <stdio.h>

int main(void)
{
    gsl_matrix *cal = gsl_matrix_alloc(2, 4);
    gsl_matrix_set_all(cal, 1.5);

    gsl_vector_const_view gain = gsl_matrix_const_row(cal, 0);
    double total = 0.0;
    for (size_t j = 0; j < 4; j++)
        total += gsl_vector_get(&gain.vector, j);
    gsl_vector_set_zero((gsl_vector *)&gain.vector); // expect: VC001

    printf("total %g, cal[0][0] is now %g\n", total, gsl_matrix_get(cal, 0, 0));
    gsl_matrix_free(cal);
    return 0;
}
