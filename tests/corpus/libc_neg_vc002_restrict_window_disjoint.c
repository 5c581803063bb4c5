/* The same restrict-qualified 4-element kernel as libc_vc002_restrict_window_overlap.c, called
 * with out = a + 4 and in = a: the windows a[4..7] and a[0..3] do not overlap, which is all that
 * restrict asks of the elements the kernel accesses: no VC002. */
#include <stdio.h>

static void smooth4(double *restrict out, const double *restrict in)
{
    for (int i = 0; i < 4; i++)
        out[i] = 0.5 * (out[i] + in[i]);
}

int main(void)
{
    double a[8] = {0, 0, 8, 8, 8, 8, 0, 0};
    smooth4(a + 4, a);
    printf("a[4..7] = %g %g %g %g\n", a[4], a[5], a[6], a[7]);
    return 0;
}
