/* buffer_tail returns the view a[-k:] of its argument. No finding: making a view is no
 * conflicting access. */
#include "buffer.h"

nda_array *buffer_tail(nda_array *a, ptrdiff_t k)
{
    return nda_slice(a, 0, -k, NDA_END, 1);
}
