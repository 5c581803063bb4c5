/* frame_energy reads its parameter. No finding here: main calls it with a released handle, and a
 * use inside a callee on behalf of the caller's handle is reported at the call site (rules.md). */
#include "frames.h"

double frame_energy(const nda_array *f)
{
    return nda_dot(f, f);
}
