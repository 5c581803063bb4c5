/* baseline starts as a view of the signal (fine while it is only read), then the variable is
 * reassigned to nda_copy(sig) before sig is rescaled. From that assignment on, baseline is a fresh
 * array, not derived from sig, so reading it after the write is not stale: the alias was killed.
 * Expected: no finding. */
#include <nda.h>

#include <stdio.h>

int main(void)
{
    const ptrdiff_t shape[1] = {6};
    const double v[6] = {1, 3, 2, 5, 4, 6};
    nda_array *sig = nda_from_values(NDA_FLOAT64, 1, shape, v);
    nda_array *diff = nda_zeros(NDA_FLOAT64, 1, shape);

    nda_array *baseline = nda_view(sig);
    printf("baseline mean %g\n", nda_sum(baseline) / 6.0);
    nda_release(baseline);
    baseline = nda_copy(sig);

    nda_scale(sig, 2.0);
    nda_sub(diff, sig, baseline);
    nda_print(stdout, diff);
    putchar('\n');

    nda_release(baseline);
    nda_release(diff);
    nda_release(sig);
    return 0;
}
