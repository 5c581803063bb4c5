/* main releases its array and then calls `print_stats`, which reads it. The use happens inside
 * the callee on behalf of main's handle, so VC007 is reported at the call site in main, the
 * outermost function where the handle is visible (rules.md, "Where a finding is reported"). */
#include <nda.h>
#include <stdio.h>

static void print_stats(const nda_array *a)
{
    ptrdiff_t n = nda_size(a);
    double s = nda_sum(a);
    printf("n=%td sum=%g mean=%g\n", n, s, n ? s / (double)n : 0.0);
}

int main(void)
{
    const ptrdiff_t n = 5;
    nda_array *samples = nda_full(NDA_FLOAT64, 1, &n, 2.5);
    if (!samples)
        return 1;
    nda_set1(samples, 0, 7.5);
    nda_release(samples);
    print_stats(samples); // expect: VC007
    return 0;
}
