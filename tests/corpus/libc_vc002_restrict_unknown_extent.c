/* A restrict-qualified scale kernel runs over n elements, n a parameter: how far it reaches from
 * each pointer is not known at the call, so out = a + 4 and in = a may overlap (they do when
 * n > 4, as here with n = 6): VC002 on the whole arrays, the conservative reading of restrict. */
#include <stdio.h>

static void scale(double *restrict out, const double *restrict in, int n)
{
    for (int i = 0; i < n; i++)
        out[i] = 2.0 * in[i];
}

int main(void)
{
    double a[10] = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10};
    scale(a + 4, a, 6); // expect: VC002
    printf("a[4..9] = %g %g %g %g %g %g\n", a[4], a[5], a[6], a[7], a[8], a[9]);
    return 0;
}
