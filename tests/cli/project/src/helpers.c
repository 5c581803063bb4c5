/* Helpers: no finding. An in-place update through a row view that is released before the base
 * is read is what views are for (rules.md). */
#include "imaging.h"

double imaging_total(const nda_array *frame)
{
    return nda_sum(frame);
}

void imaging_normalize_rows(nda_array *m)
{
    for (ptrdiff_t i = 0; i < nda_shape(m)[0]; i++) {
        nda_array *r = nda_row(m, i);
        double s = nda_sum(r);
        if (s != 0.0)
            nda_scale(r, 1.0 / s);
        nda_release(r);
    }
    (void)imaging_total(m);
}
