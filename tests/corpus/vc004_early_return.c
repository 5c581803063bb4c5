/* calibrate doubles the first row of m through a row view, checks the whole matrix (a read of m),
 * and returns early if it is out of range; otherwise it prints the row view. On the fall-through
 * path the view is used again after m was read: VC004 at the nda_scale, reported in calibrate,
 * where both handles are visible. */
#include <nda.h>

#include <stdio.h>

static int calibrate(nda_array *m, double limit)
{
    nda_array *r = nda_row(m, 0);
    nda_scale(r, 2.0); // expect: VC004
    if (nda_sum(m) > limit) {
        nda_release(r);
        return -1;
    }
    printf("calibrated row: ");
    nda_print(stdout, r);
    putchar('\n');
    nda_release(r);
    return 0;
}

int main(void)
{
    const ptrdiff_t shape[2] = {2, 3};
    nda_array *m = nda_full(NDA_FLOAT64, 2, shape, 1.0);
    int rc = calibrate(m, 100.0);
    printf("calibrate: %d\n", rc);
    nda_release(m);
    return 0;
}
