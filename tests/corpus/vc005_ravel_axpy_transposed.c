/* Adds a ramp to the flattened coefficients of a 2x3 model stored row-major or, when
 * MODEL_TRANSPOSED is set, as a transpose. nda_ravel is a view only for the row-major case, so the
 * axpy changes `coef` on some runs only: VC005 at the axpy, because coef is copied (read) after. */
#include <nda.h>
#include <stdio.h>
#include <stdlib.h>

int main(void)
{
    const ptrdiff_t shape[2] = {2, 3};
    nda_array *model = nda_full(NDA_FLOAT64, 2, shape, 1.0);
    if (!model)
        return 1;
    nda_array *coef = getenv("MODEL_TRANSPOSED") ? nda_transpose(model) : nda_view(model);
    /* Run time: view(model) is contiguous -> flat is a VIEW; the transpose -> flat is a COPY. */
    nda_array *flat = nda_ravel(coef);
    nda_array *ramp = nda_arange(6);
    if (!coef || !flat || !ramp)
        return 1;
    nda_axpy(flat, 0.5, ramp); // expect: VC005
    nda_array *saved = nda_copy(coef);
    nda_print(stdout, saved);
    putchar('\n');
    nda_release(saved);
    nda_release(ramp);
    nda_release(flat);
    nda_release(coef);
    nda_release(model);
    return 0;
}
