/* A restrict-qualified prefix copy walks both pointers with *(p + i) for i in [0, 3]: called with
 * dst = a + 2 and src = a, the windows a[2..5] and a[0..3] share a[2..3]. The elements read
 * through src were already overwritten through dst (a[2] = a[0] first, then a[4] = a[2]): VC002. */
#include <stdio.h>

static void copy4(double *restrict dst, const double *restrict src)
{
    for (int i = 0; i <= 3; i++)
        *(dst + i) = *(src + i);
}

int main(void)
{
    double a[6] = {1, 2, 3, 4, 5, 6};
    copy4(a + 2, a); // expect: VC002
    printf("%g %g %g %g %g %g\n", a[0], a[1], a[2], a[3], a[4], a[5]);
    return 0;
}
