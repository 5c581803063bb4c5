/* main flattens a matrix used as is or, with an argument, transposed (flat.c), writes the result
 * (poke.c), then prints the source: VC005 at the poke_first call, since whether `src` changes
 * "depends on memory layout at run time" (no argument: a VIEW, src[0,0] becomes -1; with one: a
 * COPY, src unchanged). `flat` is only released after src is read. */
#include "flat.h"

#include <stdio.h>

int main(int argc, char **argv)
{
    (void)argv;
    const ptrdiff_t shape[2] = {2, 3};
    const double v[6] = {1, 2, 3, 4, 5, 6};
    nda_array *m = nda_from_values(NDA_FLOAT64, 2, shape, v);
    if (!m)
        return 1;
    nda_array *src = argc > 1 ? nda_transpose(m) : nda_view(m);
    nda_array *flat = flat_of(src);
    if (!src || !flat)
        return 1;
    poke_first(flat, -1.0); // expect: VC005
    nda_print(stdout, src);
    putchar('\n');
    nda_release(flat);
    nda_release(src);
    nda_release(m);
    return 0;
}
