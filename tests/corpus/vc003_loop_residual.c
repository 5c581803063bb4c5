/* A fixed-point iteration u = (u + src) / 2 stops when u no longer changes, measured against
 * "u from the previous sweep" -- which was taken as a view. Inside each sweep u is updated through
 * u itself and then old is read: VC003 at the nda_sub reading old (reported once for the loop).
 * The residual is always 0, so the loop stops after one sweep. */
#include <nda.h>

#include <stdio.h>

int main(void)
{
    const ptrdiff_t shape[1] = {6};
    nda_array *u = nda_zeros(NDA_FLOAT64, 1, shape);
    nda_array *src = nda_full(NDA_FLOAT64, 1, shape, 1.0);
    nda_array *diff = nda_zeros(NDA_FLOAT64, 1, shape);
    nda_array *old = nda_view(u);

    int it;
    for (it = 0; it < 50; it++) {
        nda_scale(u, 0.5);
        nda_axpy(u, 0.5, src);
        nda_sub(diff, u, old); // expect: VC003
        if (nda_dot(diff, diff) < 1e-18)
            break;
    }
    printf("converged after %d sweeps, u[0] = %g\n", it + 1, nda_get1(u, 0));

    nda_release(old);
    nda_release(diff);
    nda_release(src);
    nda_release(u);
    return 0;
}
