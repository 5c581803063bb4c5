/* kernel_add passes its parameters to nda_add. No finding here: its parameters are assumed not to
 * alias unless a call passes overlapping arguments (rules.md), and main's call does not. */
#include "halves.h"

nda_status kernel_add(nda_array *out, const nda_array *x, const nda_array *y)
{
    return nda_add(out, x, y);
}
