/* A fresh array is C-contiguous, so nda_reshape of it is provably a view (NumPy's rule): the
 * write through `grid` changes `samples`, which is printed, and `grid` is printed again after.
 * That is VC004 on the write (a proven view follows VC004's rules), not VC005. */
#include <nda.h>
#include <stdio.h>

int main(void)
{
    nda_array *samples = nda_arange(12);
    const ptrdiff_t shape[2] = {3, 4};
    nda_array *grid = nda_reshape(samples, 2, shape);
    if (!samples || !grid)
        return 1;
    nda_set2(grid, 1, 1, -1.0); // expect: VC004
    nda_print(stdout, samples);
    putchar('\n');
    nda_print(stdout, grid);
    putchar('\n');
    nda_release(grid);
    nda_release(samples);
    return 0;
}
