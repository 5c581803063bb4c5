/* A restrict-qualified 2x2 determinant helper reads m[0], m[1], m[2], m[3] and writes out[0]:
 * called with out = buf + 4 and m = buf, the element it writes lies past the four it reads, so
 * restrict's promise holds for the elements the body touches: no VC002. */
#include <stdio.h>

static void det2(double *restrict out, const double *restrict m)
{
    out[0] = m[0] * m[3] - m[1] * m[2];
}

int main(void)
{
    double buf[5] = {1, 2, 3, 4, 0};
    det2(buf + 4, buf);
    printf("det = %g\n", buf[4]);
    return 0;
}
