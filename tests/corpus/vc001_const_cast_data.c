/* clamped_mean promises not to modify its samples (`const nda_array *`) but clamps them in place
 * through the data pointer, after a cast that drops const. That is a write to memory "reached
 * from a const-qualified parameter ... directly after a cast that drops const": VC001 at the
 * assignment through the pointer (one write line, one finding). */
#include <nda.h>

#include <stdio.h>

static double clamped_mean(const nda_array *samples, double lo, double hi)
{
    double *p = (double *)nda_cdata(samples);
    ptrdiff_t n = nda_size(samples);
    double total = 0.0;
    for (ptrdiff_t i = 0; i < n; i++) {
        double v = p[i] < lo ? lo : (p[i] > hi ? hi : p[i]);
        *(p + i) = v; // expect: VC001
        total += v;
    }
    return total / (double)n;
}

int main(void)
{
    const ptrdiff_t shape[1] = {5};
    const double raw[5] = {-3.0, 0.5, 0.25, 9.0, 1.0};
    nda_array *s = nda_from_values(NDA_FLOAT64, 1, shape, raw);
    printf("clamped mean %g\n", clamped_mean(s, 0.0, 1.0));
    nda_print(stdout, s);
    putchar('\n');
    nda_release(s);
    return 0;
}
