/* A helper clips a vector to [0, 1] in place; main hands it a row view of an image, prints the
 * image, and uses the row again. The write happens in the helper on behalf of main's view, so
 * VC004 is reported at the call site in main. The run shows the image's row clipped. */
#include <gsl/gsl_matrix.h>
#include <gsl/gsl_vector.h>

#include <stdio.h>

static void clip_unit(gsl_vector *v)
{
    for (size_t i = 0; i < v->size; i++) {
        double x = gsl_vector_get(v, i);
        gsl_vector_set(v, i, x < 0.0 ? 0.0 : x > 1.0 ? 1.0 : x);
    }
}

int main(void)
{
    gsl_matrix *img = gsl_matrix_alloc(2, 3);
    for (size_t i = 0; i < 2; i++)
        for (size_t j = 0; j < 3; j++)
            gsl_matrix_set(img, i, j, (double)j - 0.5);

    gsl_vector_view line = gsl_matrix_row(img, 1);
    clip_unit(&line.vector); // expect: VC004
    printf("img[1][0] = %g (was -0.5)\n", gsl_matrix_get(img, 1, 0));
    printf("line max %g\n", gsl_vector_max(&line.vector));
    gsl_matrix_free(img);
    return 0;
}
