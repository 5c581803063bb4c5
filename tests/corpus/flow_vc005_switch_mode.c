/* Applies one operation, chosen by argv[1], to the leading columns of a 3x4 table flattened with
 * nda_reshape: 'z' zeroes them, anything else only prints them. All 4 columns are taken, or 2
 * when NARROW is set. After the switch the columns are summed. Only 'z' writes: VC005 there. */
#include <nda.h>
#include <stdio.h>
#include <stdlib.h>

int main(int argc, char **argv)
{
    char op = argc > 1 ? argv[1][0] : 'p';
    const ptrdiff_t shape[2] = {3, 4};
    nda_array *table = nda_full(NDA_FLOAT64, 2, shape, 1.0);
    if (!table)
        return 1;
    ptrdiff_t ncols = getenv("NARROW") ? 2 : 4;
    nda_array *cols = nda_slice(table, 1, 0, ncols, 1);
    const ptrdiff_t flat_shape[1] = {-1};
    /* Run time: 4 columns -> cols is contiguous, flat is a VIEW; 2 columns -> flat is a COPY. */
    nda_array *flat = nda_reshape(cols, 1, flat_shape);
    if (!cols || !flat)
        return 1;
    switch (op) {
    case 'z':
        nda_fill(flat, 0.0); // expect: VC005
        break;
    default:
        nda_print(stdout, flat);
        putchar('\n');
        break;
    }
    printf("sum after '%c': %g\n", op, nda_sum(cols));
    nda_release(flat);
    nda_release(cols);
    nda_release(table);
    return 0;
}
