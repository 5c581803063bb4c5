/* The fixed version of vc003_snapshot_view.c: "the previous positions" are taken with nda_copy, a
 * fresh array that is not derived from pos, so advancing pos does not make prev stale and the
 * displacement is correct. Expected: no finding. */
#include <nda.h>

#include <stdio.h>

int main(void)
{
    const ptrdiff_t shape[1] = {4};
    const double p0[4] = {0.0, 1.0, 2.0, 3.0};
    const double v0[4] = {0.5, -0.5, 1.0, 0.0};
    nda_array *pos = nda_from_values(NDA_FLOAT64, 1, shape, p0);
    nda_array *vel = nda_from_values(NDA_FLOAT64, 1, shape, v0);
    nda_array *delta = nda_zeros(NDA_FLOAT64, 1, shape);

    nda_array *prev = nda_copy(pos);
    nda_axpy(pos, 0.1, vel);
    nda_sub(delta, pos, prev);

    nda_print(stdout, delta);
    putchar('\n');
    nda_release(prev);
    nda_release(delta);
    nda_release(vel);
    nda_release(pos);
    return 0;
}
