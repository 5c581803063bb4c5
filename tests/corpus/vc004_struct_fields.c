/* A layer keeps its weight matrix and a view of its first row (the "bias row") in a struct. The
 * bias row is cleared through lp->bias, the weights are printed through lp->weights, and the bias
 * row is read again: write through V, read of the base, V used again: VC004 at the nda_fill. */
#include <nda.h>

#include <stdio.h>

struct layer {
    nda_array *weights;
    nda_array *bias;
};

int main(void)
{
    const ptrdiff_t shape[2] = {3, 2};
    struct layer l;
    struct layer *lp = &l;
    lp->weights = nda_full(NDA_FLOAT64, 2, shape, 0.5);
    lp->bias = nda_row(lp->weights, 0);

    nda_fill(lp->bias, 0.0); // expect: VC004
    printf("weights: ");
    nda_print(stdout, lp->weights);
    printf("\nbias norm^2: %g\n", nda_dot(lp->bias, lp->bias));

    nda_release(lp->bias);
    nda_release(lp->weights);
    return 0;
}
