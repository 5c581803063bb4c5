/* A particle integrator keeps "the previous positions" to report each particle's displacement,
 * but takes them with nda_view instead of nda_copy. pos is then advanced through pos itself (a
 * handle that is neither prev nor derived from prev) and prev is read afterwards: VC003 at that
 * stale read. The displacement prints as all zeros. */
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

    nda_array *prev = nda_view(pos);
    nda_axpy(pos, 0.1, vel);
    nda_sub(delta, pos, prev); // expect: VC003

    nda_print(stdout, delta);
    putchar('\n');
    nda_release(prev);
    nda_release(delta);
    nda_release(vel);
    nda_release(pos);
    return 0;
}
