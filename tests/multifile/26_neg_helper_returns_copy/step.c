/* step halves its argument and adds one to element 0, in place. No finding: reads and writes
 * of its own parameter. */
#include "solver.h"

void step(nda_array *a)
{
    nda_scale(a, 0.5);
    nda_set1(a, 0, nda_get1(a, 0) + 1.0);
}
