/* Builds a 4x4 covariance matrix and tries to add a ridge term by filling its diagonal.
 * nda_diagonal returns "a read-only view", so nda_fill on it is a write that reaches memory that
 * must not change through it: VC001 at the write. At run time the fill fails with
 * NDA_EREADONLY and the ridge is silently missing from cov. */
#include <nda.h>

#include <stdio.h>

int main(void)
{
    const ptrdiff_t shape[2] = {4, 4};
    nda_array *cov = nda_full(NDA_FLOAT64, 2, shape, 0.25);
    nda_array *diag = nda_diagonal(cov);
    nda_status st = nda_fill(diag, 1.0); // expect: VC001
    if (st != NDA_OK)
        fprintf(stderr, "ridge not applied: %s\n", nda_status_name(st));
    nda_release(diag);
    nda_print(stdout, cov);
    putchar('\n');
    nda_release(cov);
    return 0;
}
