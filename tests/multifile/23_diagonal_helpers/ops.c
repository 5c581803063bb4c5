/* scale_all writes its parameter. No finding here: main passes it a read-only view, and rules.md
 * reports a write in a callee on behalf of the caller's handle at the call site. */
#include "linalg.h"

nda_status scale_all(nda_array *x, double s)
{
    return nda_scale(x, s);
}
