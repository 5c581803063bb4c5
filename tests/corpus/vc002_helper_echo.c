/* Adds an echo with a delay of 2 samples: sig[2:] += 0.5 * sig[:-2], through a helper that calls
 * nda_axpy on its parameters. The helper alone is fine (parameters are assumed not to alias), but
 * the call in main passes partially overlapping views, so VC002 is reported at that call site.
 * nda_axpy returns NDA_EOVERLAP. */
#include <nda.h>

#include <stdio.h>

static nda_status accumulate(nda_array *acc, const nda_array *x, double w)
{
    return nda_axpy(acc, w, x);
}

int main(void)
{
    const ptrdiff_t n = 8;
    const ptrdiff_t shape[1] = {n};
    const double s[8] = {1, 0, 0, 0, 1, 0, 0, 0};
    nda_array *sig = nda_from_values(NDA_FLOAT64, 1, shape, s);
    nda_array *later = nda_slice(sig, 0, 2, n, 1);
    nda_array *earlier = nda_slice(sig, 0, 0, n - 2, 1);

    nda_status st = accumulate(later, earlier, 0.5); // expect: VC002
    printf("echo: %s\n", nda_status_name(st));

    nda_release(earlier);
    nda_release(later);
    nda_print(stdout, sig);
    putchar('\n');
    nda_release(sig);
    return 0;
}
