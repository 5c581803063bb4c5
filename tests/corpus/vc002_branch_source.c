/* Adds a one-sample-shifted copy of a signal to its first 8 samples. With an argument the shifted
 * source is taken from the same array a (a[1:9]) instead of the separate buffer b, and then it
 * partially overlaps the output a[0:8]. On that path the kernel contract is broken: a "may"
 * VC002 at the nda_add call. With no argument nda_add returns NDA_OK, with one NDA_EOVERLAP. */
#include <nda.h>

#include <stdio.h>

int main(int argc, char **argv)
{
    (void)argv;
    const ptrdiff_t shape[1] = {9};
    nda_array *a = nda_full(NDA_FLOAT64, 1, shape, 1.0);
    nda_array *b = nda_full(NDA_FLOAT64, 1, shape, 2.0);

    nda_array *dst = nda_slice(a, 0, 0, 8, 1);
    nda_array *src;
    if (argc > 1)
        src = nda_slice(a, 0, 1, 9, 1);
    else
        src = nda_slice(b, 0, 1, 9, 1);
    nda_status st = nda_add(dst, dst, src); // expect: VC002
    printf("add: %s\n", nda_status_name(st));
    nda_release(src);
    nda_release(dst);

    nda_print(stdout, a);
    putchar('\n');
    nda_release(b);
    nda_release(a);
    return 0;
}
