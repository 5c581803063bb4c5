/* Symmetrises a square matrix in place: m = m + m.T. The transpose is a view of the same memory
 * with different strides, so out (m) is neither identical to nor disjoint from input t: a partial
 * overlap under the kernels' contract. VC002 at the nda_add call; it returns NDA_EOVERLAP. */
#include <nda.h>

#include <stdio.h>

int main(void)
{
    const ptrdiff_t shape[2] = {3, 3};
    const double v[9] = {1, 2, 3, 0, 1, 4, 0, 0, 1};
    nda_array *m = nda_from_values(NDA_FLOAT64, 2, shape, v);
    nda_array *t = nda_transpose(m);

    nda_status st = nda_add(m, m, t); // expect: VC002
    if (st != NDA_OK)
        fprintf(stderr, "symmetrise failed: %s\n", nda_status_name(st));
    nda_release(t);

    nda_print(stdout, m);
    putchar('\n');
    nda_release(m);
    return 0;
}
