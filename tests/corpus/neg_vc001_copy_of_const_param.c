/* print_normalized receives its histogram as `const nda_array *` and normalises a COPY of it
 * (nda_copy reads hist; the copy is fresh and writeable). Nothing reached from the const parameter
 * is written: no VC001. Compare vc001_const_param_view.c, which scales a view instead.
 * Expected: no finding. */
#include <nda.h>

#include <stdio.h>

static void print_normalized(const nda_array *hist)
{
    nda_array *w = nda_copy(hist);
    double total = nda_sum(hist);
    nda_scale(w, 1.0 / total);
    nda_print(stdout, w);
    putchar('\n');
    nda_release(w);
}

int main(void)
{
    const ptrdiff_t shape[1] = {4};
    const double counts[4] = {3, 1, 0, 4};
    nda_array *hist = nda_from_values(NDA_FLOAT64, 1, shape, counts);
    print_normalized(hist);
    nda_print(stdout, hist);
    putchar('\n');
    nda_release(hist);
    return 0;
}
