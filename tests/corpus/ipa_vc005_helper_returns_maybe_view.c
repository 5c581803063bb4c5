/* `as_matrix` returns nda_reshape of its argument (a maybe-view) as rows x cols; main scales the
 * result in place and then prints the source. The source is a band of columns whose width comes
 * from argv[1], so view or copy is decided at run time: VC005 at main's write. */
#include <nda.h>
#include <stdio.h>
#include <stdlib.h>

static nda_array *as_matrix(const nda_array *a, ptrdiff_t rows)
{
    const ptrdiff_t shape[2] = {rows, -1};
    return nda_reshape(a, 2, shape);
}

int main(int argc, char **argv)
{
    long width = argc > 1 ? strtol(argv[1], NULL, 10) : 6;
    if (width < 1 || width > 6)
        width = 6;
    const ptrdiff_t shape[2] = {2, 6};
    nda_array *data = nda_full(NDA_FLOAT64, 2, shape, 1.0);
    if (!data)
        return 1;
    nda_array *band = nda_slice(data, 1, 0, width, 1);
    /* Run time: width 6 -> band contiguous, m is a VIEW; width < 6 -> m is a COPY. */
    nda_array *m = band ? as_matrix(band, 1) : NULL;
    if (!m)
        return 1;
    nda_scale(m, 3.0); // expect: VC005
    nda_print(stdout, band);
    putchar('\n');
    nda_release(m);
    nda_release(band);
    nda_release(data);
    return 0;
}
