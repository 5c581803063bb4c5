/* Releases a first batch, then reuses the same variable for a new, bigger batch and works on it.
 * After `batch = nda_arange(10)` the variable names a new array holding its own reference; the
 * released one is never touched again. No VC007, no finding in this file. */
#include <nda.h>
#include <stdio.h>

int main(void)
{
    nda_array *batch = nda_arange(4);
    if (!batch)
        return 1;
    printf("batch 1 sum %g\n", nda_sum(batch));
    nda_release(batch);
    batch = nda_arange(10);
    if (!batch)
        return 1;
    nda_scale(batch, 2.0);
    printf("batch 2 sum %g\n", nda_sum(batch));
    nda_release(batch);
    return 0;
}
