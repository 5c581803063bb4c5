/* Negative of ipa_vc003_aliased_arguments_written_first.c: this helper reads the window before
 * it writes the array, so the window is read before its memory changes: no finding. */
#include <nda.h>
#include <stdio.h>

static double sum_then_reset(nda_array *target, const nda_array *window)
{
    double s = nda_sum(window);
    nda_fill(target, 0.0);
    return s;
}

int main(void)
{
    nda_array *a = nda_arange(4);
    nda_array *window = nda_slice(a, 0, 0, 2, 1);
    if (!a || !window)
        return 1;
    printf("%g\n", sum_then_reset(a, window));
    nda_release(window);
    nda_release(a);
    return 0;
}
