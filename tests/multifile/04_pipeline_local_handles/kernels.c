/* kernel_ramp overwrites its parameter with 0, 1, 2, ... No finding here: it writes on behalf of
 * its caller's handle (rules.md: reported at the call site). */
#include "pipeline.h"

void kernel_ramp(nda_array *x)
{
    for (ptrdiff_t i = 0; i < nda_size(x); i++)
        nda_set1(x, i, (double)i);
}
