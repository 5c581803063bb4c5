/* buffer_grow resizes its parameter. No finding here: the resize is on behalf of main's handle,
 * which main's view refers to; rules.md reports it at main's call. */
#include "buffer.h"

nda_status buffer_grow(nda_array *a, ptrdiff_t n)
{
    return nda_resize(a, n);
}
