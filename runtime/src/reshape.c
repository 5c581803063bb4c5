/* Maybe-views (reshape, ravel, ascontiguous) and copies, with NumPy's rule for when a new shape
 * can be expressed as a view. */
#include "nda_internal.h"

#include <string.h>

static nda_array *copy_as(const char *fn, const nda_array *a, nda_dtype dt)
{
    nda_array *c = nda__alloc_owner(fn, dt, a->ndim, a->shape);
    if (c)
        nda__copy_elements(c, a);
    return c;
}

nda_array *nda_copy(const nda_array *a)
{
    NDA_CHECK_ARRAY("nda_copy", a, NULL);
    return copy_as("nda_copy", a, a->dtype);
}

nda_array *nda_astype(const nda_array *a, nda_dtype dt)
{
    NDA_CHECK_ARRAY("nda_astype", a, NULL);
    return copy_as("nda_astype", a, dt);
}

nda_array *nda_flatten(const nda_array *a)
{
    NDA_CHECK_ARRAY("nda_flatten", a, NULL);
    nda_array *c = copy_as("nda_flatten", a, a->dtype);
    if (c) {
        c->shape[0] = nda__size(a);
        c->strides[0] = c->shape[0] ? (ptrdiff_t)nda_itemsize(a->dtype) : 0;
        c->ndim = 1;
    }
    return c;
}

/* Resolves one -1 entry and checks that the sizes agree. */
static bool resolve_shape(const char *fn, const nda_array *a, int ndim, const ptrdiff_t *shape,
                          ptrdiff_t *out)
{
    if (ndim < 0 || ndim > NDA_MAXDIMS || (ndim > 0 && !shape)) {
        nda__fail(NDA_EINVAL, "%s: bad new shape (ndim %d)", fn, ndim);
        return false;
    }
    int unknown = -1;
    ptrdiff_t known = 1, size = nda__size(a);
    for (int k = 0; k < ndim; k++) {
        out[k] = shape[k];
        if (shape[k] == -1 && unknown < 0) {
            unknown = k;
        } else if (shape[k] < 0) {
            nda__fail(NDA_EINVAL, "%s: shape[%d] = %td is not allowed", fn, k, shape[k]);
            return false;
        } else if (__builtin_mul_overflow(known, shape[k], &known)) {
            nda__fail(NDA_EOVERFLOW, "%s: the new shape's size overflows", fn);
            return false;
        }
    }
    if (unknown >= 0) {
        if (known == 0 || size % known != 0) {
            nda__fail(NDA_ESHAPE, "%s: cannot reshape array of size %td with a -1 entry", fn, size);
            return false;
        }
        out[unknown] = size / known;
        known = size;
    }
    if (known != size) {
        nda__fail(NDA_ESHAPE, "%s: cannot reshape array of size %td into size %td", fn, size,
                  known);
        return false;
    }
    /* a zero-size array: the other lengths may still make the strides overflow */
    return nda__check_shape(fn, nda_itemsize(a->dtype), ndim, out, &size) == NDA_OK;
}

/* NumPy's _attempt_nocopy_reshape for C order: groups of old axes that map onto groups of new
 * axes must be contiguous among themselves. Axes of length 1 are dropped first. */
static bool nocopy_strides(const nda_array *a, int ndim, const ptrdiff_t *dims, ptrdiff_t *strides)
{
    ptrdiff_t olddims[NDA_MAXDIMS], oldstrides[NDA_MAXDIMS];
    int oldnd = 0;
    for (int k = 0; k < a->ndim; k++) {
        if (a->shape[k] != 1) {
            olddims[oldnd] = a->shape[k];
            oldstrides[oldnd++] = a->strides[k];
        }
    }
    int oi = 0, oj = 1, ni = 0, nj = 1;
    while (ni < ndim && oi < oldnd) {
        ptrdiff_t np = dims[ni], op = olddims[oi];
        while (np != op) {
            if (np < op)
                np *= dims[nj++];
            else
                op *= olddims[oj++];
        }
        for (int ok = oi; ok < oj - 1; ok++)
            if (oldstrides[ok] != olddims[ok + 1] * oldstrides[ok + 1])
                return false;
        strides[nj - 1] = oldstrides[oj - 1];
        for (int nk = nj - 1; nk > ni; nk--)
            strides[nk - 1] = strides[nk] * dims[nk];
        ni = nj++;
        oi = oj++;
    }
    ptrdiff_t last = ni >= 1 ? strides[ni - 1] : (ptrdiff_t)nda_itemsize(a->dtype);
    for (int nk = ni; nk < ndim; nk++)
        strides[nk] = last;
    return true;
}

static bool same_shape(const nda_array *a, int ndim, const ptrdiff_t *shape)
{
    return ndim == a->ndim && memcmp(shape, a->shape, (size_t)ndim * sizeof *shape) == 0;
}

/* `same`: the requested shape, before resolving -1, is a's shape. Only then does NumPy keep the
 * strides; otherwise it computes new ones, which differ on axes of length 0 or 1. */
static nda_array *reshape_checked(const char *fn, const nda_array *a, int ndim,
                                  const ptrdiff_t *dims, bool same)
{
    ptrdiff_t strides[NDA_MAXDIMS];
    if (same)
        return nda__new_view(a, ndim, a->shape, a->strides, a->data);
    if (nda_is_c_contiguous(a)) {
        nda__c_strides(nda_itemsize(a->dtype), ndim, dims, strides);
        return nda__new_view(a, ndim, dims, strides, a->data);
    }
    if (nocopy_strides(a, ndim, dims, strides))
        return nda__new_view(a, ndim, dims, strides, a->data);
    nda_array *c = copy_as(fn, a, a->dtype);
    if (!c)
        return NULL;
    c->ndim = ndim;
    memcpy(c->shape, dims, (size_t)ndim * sizeof *dims);
    nda__c_strides(nda_itemsize(c->dtype), ndim, c->shape, c->strides);
    return c;
}

nda_array *nda_reshape(const nda_array *a, int ndim, const ptrdiff_t *shape)
{
    NDA_CHECK_ARRAY("nda_reshape", a, NULL);
    ptrdiff_t dims[NDA_MAXDIMS];
    if (!resolve_shape("nda_reshape", a, ndim, shape, dims))
        return NULL;
    return reshape_checked("nda_reshape", a, ndim, dims, same_shape(a, ndim, shape));
}

nda_array *nda_ravel(const nda_array *a)
{
    NDA_CHECK_ARRAY("nda_ravel", a, NULL);
    if (!nda_is_c_contiguous(a))
        return nda_flatten(a);
    ptrdiff_t n = nda__size(a);
    return reshape_checked("nda_ravel", a, 1, &n, false); /* NumPy: reshape(-1), never "same" */
}

nda_array *nda_ascontiguous(const nda_array *a)
{
    NDA_CHECK_ARRAY("nda_ascontiguous", a, NULL);
    if (nda_is_c_contiguous(a))
        return nda_retain((nda_array *)a);
    return copy_as("nda_ascontiguous", a, a->dtype);
}
