/* A row of a contiguous 2-D array is contiguous, so nda_ravel of it is a view: zeroing `line`
 * zeroes that row of `img`, which is summed before `line` is printed again. VC004. */
#include <nda.h>
#include <stdio.h>

int main(void)
{
    const ptrdiff_t shape[2] = {4, 6};
    nda_array *img = nda_full(NDA_FLOAT32, 2, shape, 2.0);
    nda_array *row = nda_row(img, 2);
    nda_array *line = nda_ravel(row);
    if (!img || !row || !line)
        return 1;
    nda_fill(line, 0.0); // expect: VC004
    printf("image sum %g\n", nda_sum(img));
    nda_print(stdout, line);
    putchar('\n');
    nda_release(line);
    nda_release(row);
    nda_release(img);
    return 0;
}
