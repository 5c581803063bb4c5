/* A restrict-qualified smoothing kernel, out[i] = (out[i] + in[i]) / 2 for 4 elements, is called
 * with out = a + 2 and in = a: the two 4-element windows share a[2..3]. restrict parameters are a
 * "no overlap at all" contract: VC002 at the call. The run shows a[2..3] read after they were
 * updated: 4 4 6 6 instead of 4 4 8 8 (the call on a copy of the input window). */
#include <stdio.h>
#include <string.h>

static void smooth4(double *restrict out, const double *restrict in)
{
    for (int i = 0; i < 4; i++)
        out[i] = 0.5 * (out[i] + in[i]);
}

int main(void)
{
    double a[8] = {0, 0, 8, 8, 8, 8, 0, 0};
    double b[8], copy[4];
    memcpy(b, a, sizeof a);
    memcpy(copy, b, sizeof copy);
    smooth4(b + 2, copy);
    smooth4(a + 2, a); // expect: VC002
    printf("a[2..5] = %g %g %g %g (with a copy: %g %g %g %g)\n", a[2], a[3], a[4], a[5], b[2], b[3],
           b[4], b[5]);
    return 0;
}
