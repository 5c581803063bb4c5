/* Fills the flattened form of a 2x3 matrix through the raw pointer of nda_ravel's result, then
 * prints the matrix. The matrix is a transpose with an argument (ravel -> copy) and plain without
 * (-> view), so the stores reach `src` only sometimes: VC005 at the store through the pointer. */
#include <nda.h>
#include <stdio.h>

int main(int argc, char **argv)
{
    (void)argv;
    const ptrdiff_t shape[2] = {2, 3};
    nda_array *m = nda_zeros(NDA_FLOAT64, 2, shape);
    if (!m)
        return 1;
    nda_array *src = argc > 1 ? nda_transpose(m) : nda_view(m);
    /* Run time: plain -> flat is a VIEW (stores land in m); transpose -> flat is a COPY. */
    nda_array *flat = src ? nda_ravel(src) : NULL;
    if (!flat)
        return 1;
    double *p = nda_data(flat);
    for (ptrdiff_t i = 0; i < nda_size(flat); i++)
        p[i] = (double)(i * i); // expect: VC005
    nda_print(stdout, src);
    putchar('\n');
    nda_release(flat);
    nda_release(src);
    nda_release(m);
    return 0;
}
