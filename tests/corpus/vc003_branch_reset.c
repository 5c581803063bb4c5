/* An accumulator is checkpointed with nda_view (meant: a copy) before an optional reset. When the
 * program is run with an argument, acc is cleared through acc itself and the checkpoint printed
 * afterwards shows zeros. The write is on one branch only, so the stale read is a "may" VC003,
 * reported at the read of `before`. */
#include <nda.h>

#include <stdio.h>

int main(int argc, char **argv)
{
    (void)argv;
    const ptrdiff_t shape[1] = {4};
    nda_array *acc = nda_full(NDA_FLOAT64, 1, shape, 3.0);
    nda_array *before = nda_view(acc);

    if (argc > 1)
        nda_fill(acc, 0.0);

    printf("checkpoint: ");
    nda_print(stdout, before); // expect: VC003
    putchar('\n');
    nda_release(before);
    nda_release(acc);
    return 0;
}
