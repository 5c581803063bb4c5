/* smooth3 computes a 3-point moving average; its parameters are `restrict`-qualified, a "no
 * overlap at all" contract. main calls it in place on the raw data of one array (out = p + 1,
 * in = p), so the two arguments overlap: VC002 at the call site of smooth3. */
#include <nda.h>

#include <stdio.h>

static void smooth3(double *restrict out, const double *restrict in, ptrdiff_t n)
{
    for (ptrdiff_t i = 0; i < n; i++)
        out[i] = (in[i] + in[i + 1] + in[i + 2]) / 3.0;
}

int main(void)
{
    const ptrdiff_t len = 7;
    const ptrdiff_t shape[1] = {len};
    const double v[7] = {0, 3, 0, 3, 0, 3, 0};
    nda_array *sig = nda_from_values(NDA_FLOAT64, 1, shape, v);
    double *p = nda_data(sig);

    smooth3(p + 1, p, len - 2); // expect: VC002

    nda_print(stdout, sig);
    putchar('\n');
    nda_release(sig);
    return 0;
}
