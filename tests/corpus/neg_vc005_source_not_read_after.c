/* Sums a matrix, then flattens it with nda_ravel and overwrites the flat result with a ramp that
 * is printed; the matrix itself is only released afterwards. VC005 needs the source to be "read
 * afterwards" (after the write); it is read only before, and release is not a read. No finding. */
#include <nda.h>
#include <stdio.h>

int main(int argc, char **argv)
{
    (void)argv;
    const ptrdiff_t shape[2] = {2, 3};
    nda_array *m = nda_full(NDA_FLOAT64, 2, shape, 2.0);
    if (!m)
        return 1;
    nda_array *src = argc > 1 ? nda_transpose(m) : nda_view(m);
    printf("sum before: %g\n", nda_sum(src));
    /* Run time: flat is a VIEW without argument, a COPY with one; src is not read after. */
    nda_array *flat = src ? nda_ravel(src) : NULL;
    if (!flat)
        return 1;
    for (ptrdiff_t i = 0; i < nda_size(flat); i++)
        nda_set1(flat, i, (double)i);
    nda_release(src);
    nda_release(m);
    nda_print(stdout, flat);
    putchar('\n');
    nda_release(flat);
    return 0;
}
