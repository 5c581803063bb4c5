/* Extracts the diagonal of a matrix (a read-only view), copies it, and rescales the copy to get
 * inverse variances. nda_copy returns a fresh, writeable array that owns its memory, so the
 * nda_scale and nda_set1 write nothing read-only: no VC001 (a naive analyzer that propagates
 * "read-only" through nda_copy would flag them). Expected: no finding. */
#include <nda.h>

#include <stdio.h>

int main(void)
{
    const ptrdiff_t shape[2] = {3, 3};
    const double v[9] = {4, 0, 0, 0, 2, 0, 0, 0, 8};
    nda_array *cov = nda_from_values(NDA_FLOAT64, 2, shape, v);
    nda_array *var = nda_diagonal(cov);
    nda_array *w = nda_copy(var);
    nda_release(var);

    for (ptrdiff_t i = 0; i < nda_size(w); i++)
        nda_set1(w, i, 1.0 / nda_get1(w, i));
    nda_scale(w, 2.0);

    nda_print(stdout, w);
    putchar('\n');
    nda_release(w);
    nda_release(cov);
    return 0;
}
