/* kernel_add passes its parameters to nda_add. No finding here: "array parameters of a function
 * are assumed not to alias each other unless a call seen in the analyzed code passes overlapping
 * arguments (then the finding is reported at that call)" (rules.md): main's call. */
#include "kernels.h"

nda_status kernel_add(nda_array *out, const nda_array *x, const nda_array *y)
{
    return nda_add(out, x, y);
}
