/* robust_mean clips a view of its const parameter through clip_inplace (clip.c): VC001, "a write
 * reaches memory reached from a const-qualified parameter ... through a view at any depth", at
 * the clip_inplace call in the function with the const parameter (tests/corpus/README.md). */
#include "stats.h"

double robust_mean(const nda_array *x, double limit)
{
    nda_array *v = nda_view(x);
    if (!v)
        return 0.0;
    clip_inplace(v, limit); // expect: VC001
    ptrdiff_t n = nda_size(v);
    double m = n ? nda_sum(v) / (double)n : 0.0;
    nda_release(v);
    return m;
}
