/* Reshapes a *copy* of the samples to 2x3 and zeroes its first row, then prints the original
 * samples and the matrix. The maybe-view's source is the copy, which is never read after the
 * write; the original is not its source and cannot share memory with it. No finding here. */
#include <nda.h>
#include <stdio.h>

int main(void)
{
    nda_array *samples = nda_arange(6);
    if (!samples)
        return 1;
    nda_array *work = nda_copy(samples);
    const ptrdiff_t shape[2] = {2, 3};
    /* Run time: work is a fresh contiguous copy, so mat is a VIEW of work (never of samples). */
    nda_array *mat = work ? nda_reshape(work, 2, shape) : NULL;
    if (!mat)
        return 1;
    for (ptrdiff_t j = 0; j < 3; j++)
        nda_set2(mat, 0, j, 0.0);
    nda_print(stdout, samples);
    putchar('\n');
    nda_print(stdout, mat);
    putchar('\n');
    nda_release(mat);
    nda_release(work);
    nda_release(samples);
    return 0;
}
