/* print_normalized takes its histogram as `const nda_array *` but scales a view of it (meant as
 * scratch space). Memory "reached from a const-qualified parameter ... through a view at any
 * depth" is written: VC001 at the nda_scale in print_normalized. The caller's histogram really
 * changes (the second print shows normalised counts). */
#include <nda.h>

#include <stdio.h>

static void print_normalized(const nda_array *hist)
{
    nda_array *w = nda_view(hist);
    double total = nda_sum(hist);
    nda_scale(w, 1.0 / total); // expect: VC001
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
