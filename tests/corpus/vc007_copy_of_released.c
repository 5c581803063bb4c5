/* Builds a result, releases the intermediate it came from, then snapshots that intermediate with
 * nda_copy for a debug dump. nda_copy reads the released handle: VC007 "used (read ...) after it
 * gave up its reference", at the copy. The later uses of y and of the snapshot are fine. */
#include <nda.h>
#include <stdio.h>

int main(void)
{
    nda_array *x = nda_arange(6);
    const ptrdiff_t n = 6;
    nda_array *y = nda_zeros(NDA_FLOAT64, 1, &n);
    if (!x || !y)
        return 1;
    nda_axpy(y, 3.0, x);
    nda_release(x);
    nda_array *debug = nda_copy(x); // expect: VC007
    nda_print(stdout, y);
    putchar('\n');
    nda_release(debug);
    nda_release(y);
    return 0;
}
