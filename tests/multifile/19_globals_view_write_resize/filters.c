/* brighten writes its parameter. No finding here: main passes it the global view g_roi, and
 * rules.md reports the consequence at main's call. */
#include "frames.h"

void brighten(nda_array *x, double s)
{
    nda_scale(x, s);
}
