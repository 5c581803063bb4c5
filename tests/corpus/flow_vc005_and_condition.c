/* Resets the flattened weights inside an `if` condition and, if that succeeded, prints the
 * weights. They are a transpose or not depending on argc, so nda_ravel gives a view (no argument)
 * or a copy (argument) at run time: VC005 on the condition's line, where the write is. */
#include <nda.h>
#include <stdio.h>

int main(int argc, char **argv)
{
    (void)argv;
    const ptrdiff_t shape[2] = {2, 2};
    const double v[4] = {0.1, 0.2, 0.3, 0.4};
    nda_array *base = nda_from_values(NDA_FLOAT64, 2, shape, v);
    if (!base)
        return 1;
    nda_array *w = argc > 1 ? nda_transpose(base) : nda_view(base);
    /* Run time: view(base) -> flat is a VIEW (the weights are reset); transpose -> a COPY. */
    nda_array *flat = nda_ravel(w);
    if (flat != NULL && nda_fill(flat, 0.0) == NDA_OK) // expect: VC005
        nda_print(stdout, w);
    putchar('\n');
    nda_release(flat);
    nda_release(w);
    nda_release(base);
    return 0;
}
