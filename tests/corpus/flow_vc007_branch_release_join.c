/* Smooths a signal; in quick mode (any argument) the scratch array is released early "to save
 * memory", yet the code after the if/else still fills it. On the quick path the fill uses a
 * released handle: a "may" VC007 (same id) at the first use after the join. */
#include <nda.h>
#include <stdbool.h>
#include <stdio.h>

int main(int argc, char **argv)
{
    (void)argv;
    const ptrdiff_t n = 8;
    nda_array *signal = nda_full(NDA_FLOAT64, 1, &n, 4.0);
    nda_array *scratch = nda_zeros(NDA_FLOAT64, 1, &n);
    if (!signal || !scratch)
        return 1;
    bool quick = argc > 1;
    if (quick) {
        printf("quick mode: no smoothing\n");
        nda_release(scratch);
    } else {
        nda_copyto(scratch, signal);
        nda_scale(scratch, 0.5);
        nda_add(signal, signal, scratch);
    }
    nda_fill(scratch, 0.0); // expect: VC007
    nda_print(stdout, signal);
    putchar('\n');
    nda_release(scratch);
    nda_release(signal);
    return 0;
}
