/* Flattens a 3x4 table in row order (no argument) or column order (any argument) with
 * nda_reshape, marks the first slot with -1, then prints the source. The layout, hence view or
 * copy, depends on argc: VC005 "a write through the result of a maybe-view (nda_reshape) when the
 * source is read afterwards and the analyzer cannot prove which of view or copy it is". */
#include <nda.h>
#include <stdio.h>

int main(int argc, char **argv)
{
    (void)argv;
    const ptrdiff_t shape[2] = {3, 4};
    const double values[12] = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12};
    nda_array *table = nda_from_values(NDA_FLOAT64, 2, shape, values);
    if (!table)
        return 1;
    nda_array *src = argc > 1 ? nda_transpose(table) : nda_view(table);
    const ptrdiff_t flat_shape[1] = {12};
    /* Run time: no argument -> src is C-contiguous, flat is a VIEW and src[0,0] becomes -1;
     * with an argument -> src is the transpose, flat is a COPY and src is unchanged. */
    nda_array *flat = nda_reshape(src, 1, flat_shape);
    if (!flat)
        return 1;
    nda_set1(flat, 0, -1.0); // expect: VC005
    nda_print(stdout, src);
    putchar('\n');
    nda_release(flat);
    nda_release(src);
    nda_release(table);
    return 0;
}
