/* A model struct owns a weight matrix, a bias vector and a view of the first weight row in its
 * fields; model_free releases each field once (the view before its base, though either order is
 * fine) and main calls it once. Nothing is released twice or used afterwards. No finding. */
#include <nda.h>
#include <stdio.h>

struct model {
    nda_array *weights;
    nda_array *bias;
    nda_array *first_row;
};

static void model_free(struct model *m)
{
    nda_release(m->first_row);
    nda_release(m->bias);
    nda_release(m->weights);
}

int main(void)
{
    const ptrdiff_t wshape[2] = {2, 3};
    const ptrdiff_t bshape[1] = {3};
    struct model m = {.weights = nda_full(NDA_FLOAT64, 2, wshape, 0.5),
                      .bias = nda_zeros(NDA_FLOAT64, 1, bshape),
                      .first_row = NULL};
    if (m.weights)
        m.first_row = nda_row(m.weights, 0);
    if (m.first_row && m.bias) {
        nda_array *y = nda_zeros(NDA_FLOAT64, 1, bshape);
        if (y && nda_add(y, m.first_row, m.bias) == NDA_OK)
            printf("first output sum %g\n", nda_sum(y));
        nda_release(y);
    }
    model_free(&m);
    return 0;
}
