#include "nda_internal.h"

bool nda__valid_dtype(nda_dtype dt)
{
    return (unsigned)dt <= NDA_UINT8;
}

nda_status nda__check_shape(const char *fn, size_t itemsize, int ndim, const ptrdiff_t *shape,
                            ptrdiff_t *size)
{
    if (ndim < 0 || ndim > NDA_MAXDIMS)
        return nda__fail(NDA_EINVAL, "%s: ndim %d is outside 0..%d", fn, ndim, NDA_MAXDIMS);
    if (ndim > 0 && !shape)
        return nda__fail(NDA_EINVAL, "%s: shape is NULL for ndim %d", fn, ndim);
    /* As NumPy: the item size times the non-zero lengths must fit, so that C strides and every
     * offset inside the shape do, even when another axis has length 0. */
    ptrdiff_t n = 1, bytes = (ptrdiff_t)itemsize;
    for (int k = 0; k < ndim; k++) {
        if (shape[k] < 0)
            return nda__fail(NDA_EINVAL, "%s: shape[%d] = %td is negative", fn, k, shape[k]);
        if (shape[k] > 0 && __builtin_mul_overflow(bytes, shape[k], &bytes))
            return nda__fail(NDA_EOVERFLOW, "%s: byte count overflows at shape[%d] = %td", fn, k,
                             shape[k]);
        n *= shape[k];
    }
    *size = n;
    return NDA_OK;
}

void nda__c_strides(size_t itemsize, int ndim, const ptrdiff_t *shape, ptrdiff_t *strides)
{
    ptrdiff_t stride = (ptrdiff_t)itemsize;
    for (int k = ndim - 1; k >= 0; k--) {
        strides[k] = stride;
        if (shape[k])
            stride *= shape[k];
    }
}

bool nda__c_contiguous(size_t itemsize, int ndim, const ptrdiff_t *shape, const ptrdiff_t *strides)
{
    ptrdiff_t expected = (ptrdiff_t)itemsize;
    bool contiguous = true;
    for (int k = ndim - 1; k >= 0; k--) {
        if (shape[k] == 0)
            return true;
        if (shape[k] != 1) {
            if (strides[k] != expected)
                contiguous = false;
            expected *= shape[k];
        }
    }
    return contiguous;
}

nda_status nda__extent(size_t itemsize, int ndim, const ptrdiff_t *shape, const ptrdiff_t *strides,
                       ptrdiff_t *lo, ptrdiff_t *hi)
{
    ptrdiff_t low = 0, high = 0;
    bool empty = false;
    *lo = *hi = 0;
    for (int k = 0; k < ndim; k++) { /* an empty layout's offsets must still fit */
        ptrdiff_t span;
        empty = empty || shape[k] == 0;
        if (shape[k] == 0)
            continue;
        if (__builtin_mul_overflow(strides[k], shape[k] - 1, &span))
            return NDA_EOVERFLOW;
        if (__builtin_add_overflow(span > 0 ? high : low, span, span > 0 ? &high : &low))
            return NDA_EOVERFLOW;
    }
    if (__builtin_add_overflow(high, (ptrdiff_t)itemsize, &high))
        return NDA_EOVERFLOW;
    if (empty)
        return NDA_OK;
    *lo = low;
    *hi = high;
    return NDA_OK;
}

ptrdiff_t nda__size(const nda_array *a)
{
    ptrdiff_t n = 1;
    for (int k = 0; k < a->ndim; k++)
        n *= a->shape[k];
    return n;
}

nda_array *nda__owner(const nda_array *a)
{
    return a->base ? a->base : (nda_array *)a;
}
