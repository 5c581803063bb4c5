/* A restrict-qualified kernel and an external restrict-qualified libc call (memcpy) used on
 * distinct arrays: out and in are different objects, so the restrict contracts hold: no VC002. */
#include <stdio.h>
#include <string.h>

static void scale_into(double *restrict out, const double *restrict in, double k, int n)
{
    for (int i = 0; i < n; i++)
        out[i] = k * in[i];
}

int main(void)
{
    double in[4] = {1, 2, 3, 4};
    double out[4];
    double saved[4];
    scale_into(out, in, 2.0, 4);
    memcpy(saved, out, sizeof saved);
    printf("%g %g\n", saved[0], saved[3]);
    return 0;
}
