/* solver_step updates its argument in place. No finding here: the write is on behalf of main's
 * handle. */
#include "ckpt.h"

void solver_step(nda_array *u)
{
    nda_scale(u, 0.9);
    nda_set1(u, 0, 1.0);
}
