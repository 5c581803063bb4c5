/* A stats record borrows the samples array in a field (no nda_retain). main releases the samples
 * and afterwards computes the mean through the record's field: the field is a plain copy of the
 * released handle, so VC007 at that first use (as in `b = a; nda_release(a); nda_get1(b, 0)`). */
#include <nda.h>
#include <stdio.h>

struct stats {
    nda_array *samples;
    const char *unit;
};

int main(void)
{
    const double v[4] = {12.0, 15.5, 11.0, 13.5};
    const ptrdiff_t n = 4;
    nda_array *samples = nda_from_values(NDA_FLOAT64, 1, &n, v);
    if (!samples)
        return 1;
    struct stats st = {.samples = samples, .unit = "ms"};
    nda_print(stdout, samples);
    putchar('\n');
    nda_release(samples);
    double mean = nda_sum(st.samples) / (double)n; // expect: VC007
    printf("mean %g %s\n", mean, st.unit);
    return 0;
}
