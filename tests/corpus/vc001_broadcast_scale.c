/* Adds a per-feature bias to every sample of a batch through a broadcast view, then tries to
 * decay the bias by scaling the broadcast view. nda_broadcast_to returns "a read-only view" (zero
 * strides), so nda_scale on it is a write through a read-only view: VC001 at that call. The
 * run-time status is NDA_EREADONLY. */
#include <nda.h>

#include <stdio.h>

int main(void)
{
    const ptrdiff_t nfeat[1] = {3};
    const ptrdiff_t batch[2] = {4, 3};
    const double b0[3] = {0.1, 0.2, 0.3};
    nda_array *bias = nda_from_values(NDA_FLOAT64, 1, nfeat, b0);
    nda_array *x = nda_full(NDA_FLOAT64, 2, batch, 1.0);
    nda_array *tiled = nda_broadcast_to(bias, 2, batch);

    nda_add(x, x, tiled);                  /* x += bias, row by row */
    nda_status st = nda_scale(tiled, 0.5); // expect: VC001
    printf("decay: %s\n", nda_status_name(st));

    nda_release(tiled);
    nda_print(stdout, x);
    putchar('\n');
    nda_print(stdout, bias);
    putchar('\n');
    nda_release(x);
    nda_release(bias);
    return 0;
}
