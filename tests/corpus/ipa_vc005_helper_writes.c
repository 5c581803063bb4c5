/* `zero_border` writes the border of a 2-D grid; main hands it a 3x4 reshaping of a matrix that is
 * used as is or (with an argument) transposed, then prints the matrix. The write happens in the
 * callee on main's handle: VC005 at the call site (rules.md: a helper writes its argument). */
#include <nda.h>
#include <stdio.h>

static void zero_border(nda_array *g)
{
    const ptrdiff_t *s = nda_shape(g);
    for (ptrdiff_t j = 0; j < s[1]; j++) {
        nda_set2(g, 0, j, 0.0);
        nda_set2(g, s[0] - 1, j, 0.0);
    }
}

int main(int argc, char **argv)
{
    (void)argv;
    const ptrdiff_t shape[2] = {3, 4};
    nda_array *m = nda_full(NDA_FLOAT64, 2, shape, 5.0);
    if (!m)
        return 1;
    nda_array *src = argc > 1 ? nda_transpose(m) : nda_view(m);
    /* Run time: as is -> same shape, grid is a VIEW; transposed (4x3, not contiguous) -> a COPY. */
    nda_array *grid = nda_reshape(src, 2, shape);
    if (!src || !grid)
        return 1;
    zero_border(grid); // expect: VC005
    nda_print(stdout, src);
    putchar('\n');
    nda_release(grid);
    nda_release(src);
    nda_release(m);
    return 0;
}
