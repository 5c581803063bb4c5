#include "nda_internal.h"

#include <stdlib.h>
#include <string.h>

nda_status nda_resize(nda_array *a, ptrdiff_t new_size)
{
    NDA_CHECK_ARRAY("nda_resize", a, NDA_EINVAL);
    if (a->base)
        return nda__fail(NDA_EREFERENCED, "nda_resize: the array is a view of another array");
    if (atomic_load(&a->refcount) > 1)
        return nda__fail(NDA_EREFERENCED,
                         "nda_resize: the array is referenced %ld times (views or retains)",
                         atomic_load(&a->refcount));
    if (!a->allocation)
        return nda__fail(NDA_EINVAL, "nda_resize: the array does not own its data (nda_wrap)");
    if (a->ndim != 1)
        return nda__fail(NDA_EINVAL, "nda_resize: needs a 1-D array, got %d-D", a->ndim);
    if (!a->writeable)
        return nda__fail(NDA_EREADONLY, "nda_resize: the array is read-only");
    if (new_size < 0)
        return nda__fail(NDA_EINVAL, "nda_resize: new size %td is negative", new_size);
    size_t itemsize = nda_itemsize(a->dtype);
    ptrdiff_t bytes;
    if (__builtin_mul_overflow(new_size, (ptrdiff_t)itemsize, &bytes))
        return nda__fail(NDA_EOVERFLOW, "nda_resize: %td elements overflow the byte count",
                         new_size);
    size_t old_bytes = (size_t)(a->mem_hi - a->mem_lo);
    char *grown = realloc(a->allocation, bytes ? (size_t)bytes : 1);
    if (!grown)
        return nda__fail(NDA_ENOMEM, "nda_resize: out of memory for %td bytes", bytes);
    if ((size_t)bytes > old_bytes)
        memset(grown + old_bytes, 0, (size_t)bytes - old_bytes);
    a->allocation = grown;
    a->data = a->mem_lo = grown;
    a->mem_hi = grown + bytes;
    a->shape[0] = new_size;
    a->strides[0] = (ptrdiff_t)itemsize;
    nda__succeed();
    return NDA_OK;
}
