/* Normalizes one line of a 3x3 weight matrix to sum 1: a row by default, a column with an
 * argument. nda_ascontiguous returns the row itself (retained) but a copy of the column, so the
 * in-place scale reaches `line` only for rows: VC005 (maybe-view written, source read after). */
#include <nda.h>
#include <stdio.h>

int main(int argc, char **argv)
{
    (void)argv;
    const ptrdiff_t shape[2] = {3, 3};
    const double w[9] = {1, 2, 1, 0, 4, 4, 3, 3, 2};
    nda_array *m = nda_from_values(NDA_FLOAT64, 2, shape, w);
    if (!m)
        return 1;
    nda_array *line = argc > 1 ? nda_col(m, 1) : nda_row(m, 1);
    /* Run time: row -> buf == line (a VIEW in effect); column -> buf is a COPY. */
    nda_array *buf = nda_ascontiguous(line);
    if (!line || !buf)
        return 1;
    nda_scale(buf, 1.0 / nda_sum(buf)); // expect: VC005
    printf("line after normalizing: ");
    nda_print(stdout, line);
    putchar('\n');
    nda_release(buf);
    nda_release(line);
    nda_release(m);
    return 0;
}
