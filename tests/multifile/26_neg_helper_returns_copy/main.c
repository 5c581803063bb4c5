/* True negative: `prev` comes from snapshot (snapshot.c), which copies, so it is not stale after
 * step (step.c) updates `u` (no VC003), and writing it, reading `u` and reading it again is no
 * VC004. An analyzer that does not see snapshot's body and lets its result alias its argument
 * would report VC003 at the first nda_sum(prev). */
#include "solver.h"

#include <stdio.h>

int main(void)
{
    const ptrdiff_t shape[1] = {4};
    const double v[4] = {8, 4, 2, 1};
    nda_array *u = nda_from_values(NDA_FLOAT64, 1, shape, v);
    if (!u)
        return 1;
    nda_array *prev = snapshot(u);
    if (!prev)
        return 1;
    step(u);
    printf("change %g\n", nda_sum(u) - nda_sum(prev));
    nda_set1(prev, 0, 0.0);
    nda_print(stdout, u);
    putchar('\n');
    printf("prev %g\n", nda_sum(prev));
    nda_release(prev);
    nda_release(u);
    return 0;
}
