/* In-place element-wise updates: x = x + y, x = x * x, and y += 2 * y. The kernels' contract is
 * "no partial overlap (identical operands allowed)": an output that is the very same array as an
 * input is fine, and all calls return NDA_OK. Expected: no finding. */
#include <nda.h>

#include <stdio.h>

int main(void)
{
    const ptrdiff_t shape[1] = {5};
    const double xv[5] = {1, 2, 3, 4, 5};
    nda_array *x = nda_from_values(NDA_FLOAT64, 1, shape, xv);
    nda_array *y = nda_full(NDA_FLOAT64, 1, shape, 0.5);

    nda_status s1 = nda_add(x, x, y);
    nda_status s2 = nda_mul(x, x, x);
    nda_status s3 = nda_axpy(y, 2.0, y);
    printf("%s %s %s\n", nda_status_name(s1), nda_status_name(s2), nda_status_name(s3));

    nda_print(stdout, x);
    putchar('\n');
    nda_print(stdout, y);
    putchar('\n');
    nda_release(y);
    nda_release(x);
    return 0;
}
