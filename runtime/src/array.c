/* Creation, lifetime and inspection of arrays. */
#define _DEFAULT_SOURCE /* madvise */
#include "nda_internal.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>
#if defined(__linux__)
#include <sys/mman.h>
#endif

static nda_array *new_header(const char *fn)
{
    nda_array *a = calloc(1, sizeof *a);
    if (!a)
        nda__fail(NDA_ENOMEM, "%s: out of memory for the array header", fn);
    else
        atomic_init(&a->refcount, 1);
    return a;
}

/* Buffers of 4 MiB and more ask for transparent huge pages, as NumPy's allocator does: a fresh
 * buffer is then mapped by a few faults of 2 MiB instead of one fault per 4 KiB page, which
 * otherwise costs several times the copy that fills it. From 32 MiB on, where glibc maps every
 * allocation afresh anyway (its dynamic mmap threshold stops there), the buffer is also aligned
 * to 2 MiB so that all of it, not only its aligned interior, can be huge pages. Both are only
 * about speed: contents, layout and the free/realloc of the buffer are as with malloc. */
static void *alloc_buffer(size_t bytes)
{
    const size_t huge = (size_t)2 << 20, page = 4096;
    if (bytes < ((size_t)4 << 20))
        return malloc(bytes ? bytes : 1);
    void *p;
    if (bytes >= ((size_t)32 << 20) && bytes <= SIZE_MAX - huge) {
        bytes = (bytes + huge - 1) & ~(huge - 1);
        p = aligned_alloc(huge, bytes);
    } else {
        p = malloc(bytes);
    }
#if defined(__linux__) && defined(MADV_HUGEPAGE)
    uintptr_t lo = ((uintptr_t)p + page - 1) & ~(uintptr_t)(page - 1);
    uintptr_t hi = ((uintptr_t)p + bytes) & ~(uintptr_t)(page - 1);
    if (p && hi > lo)
        madvise((void *)lo, hi - lo, MADV_HUGEPAGE); /* failure only loses the hint */
#else
    (void)page;
#endif
    return p;
}

nda_array *nda__alloc_owner(const char *fn, nda_dtype dt, int ndim, const ptrdiff_t *shape)
{
    ptrdiff_t size, bytes;
    if (!nda__valid_dtype(dt)) {
        nda__fail(NDA_EINVAL, "%s: unknown dtype %d", fn, (int)dt);
        return NULL;
    }
    if (nda__check_shape(fn, nda_itemsize(dt), ndim, shape, &size) != NDA_OK)
        return NULL;
    if (__builtin_mul_overflow(size, (ptrdiff_t)nda_itemsize(dt), &bytes)) {
        nda__fail(NDA_EOVERFLOW, "%s: %td elements overflow the byte count", fn, size);
        return NULL;
    }
    nda_array *a = new_header(fn);
    if (!a)
        return NULL;
    a->allocation = alloc_buffer((size_t)bytes);
    if (!a->allocation) {
        free(a);
        nda__fail(NDA_ENOMEM, "%s: out of memory for %td bytes", fn, bytes);
        return NULL;
    }
    a->dtype = dt;
    a->ndim = ndim;
    if (ndim)
        memcpy(a->shape, shape, (size_t)ndim * sizeof *shape);
    if (size > 0) /* as NumPy: a fresh array without elements has zero strides */
        nda__c_strides(nda_itemsize(dt), ndim, a->shape, a->strides);
    a->data = a->allocation;
    a->mem_lo = a->data;
    a->mem_hi = a->data + bytes;
    a->writeable = true;
    nda__succeed();
    return a;
}

nda_array *nda__new_view(const nda_array *src, int ndim, const ptrdiff_t *shape,
                         const ptrdiff_t *strides, char *data)
{
    nda_array *v = new_header("view");
    if (!v)
        return NULL;
    nda_array *owner = nda__owner(src);
    atomic_fetch_add(&owner->refcount, 1);
    v->base = owner;
    v->dtype = src->dtype;
    v->ndim = ndim;
    if (ndim) {
        memcpy(v->shape, shape, (size_t)ndim * sizeof *shape);
        memcpy(v->strides, strides, (size_t)ndim * sizeof *strides);
    }
    v->data = data;
    v->writeable = src->writeable;
    nda__succeed();
    return v;
}

nda_array *nda_empty(nda_dtype dt, int ndim, const ptrdiff_t *shape)
{
    return nda__alloc_owner("nda_empty", dt, ndim, shape);
}

nda_array *nda_full(nda_dtype dt, int ndim, const ptrdiff_t *shape, double value)
{
    nda_array *a = nda__alloc_owner("nda_full", dt, ndim, shape);
    if (a)
        nda_fill(a, value);
    return a;
}

nda_array *nda_zeros(nda_dtype dt, int ndim, const ptrdiff_t *shape)
{
    nda_array *a = nda__alloc_owner("nda_zeros", dt, ndim, shape);
    if (a)
        memset(a->data, 0, (size_t)(a->mem_hi - a->mem_lo));
    return a;
}

nda_array *nda_arange(ptrdiff_t n)
{
    if (n < 0) {
        nda__fail(NDA_EINVAL, "nda_arange: n = %td is negative", n);
        return NULL;
    }
    nda_array *a = nda__alloc_owner("nda_arange", NDA_INT64, 1, &n);
    if (!a)
        return NULL;
    int64_t *values = (int64_t *)a->data;
    for (ptrdiff_t i = 0; i < n; i++)
        values[i] = i;
    return a;
}

nda_array *nda_from_values(nda_dtype dt, int ndim, const ptrdiff_t *shape, const double *values)
{
    nda_array *a = nda__alloc_owner("nda_from_values", dt, ndim, shape);
    if (!a)
        return NULL;
    ptrdiff_t n = nda__size(a);
    if (n > 0 && !values) {
        nda_release(a);
        nda__fail(NDA_EINVAL, "nda_from_values: values is NULL for %td elements", n);
        return NULL;
    }
    size_t itemsize = nda_itemsize(dt);
    for (ptrdiff_t i = 0; i < n; i++)
        nda__store(dt, a->data + (size_t)i * itemsize, values[i]);
    return a;
}

nda_array *nda_wrap(void *data, nda_dtype dt, int ndim, const ptrdiff_t *shape,
                    const ptrdiff_t *strides)
{
    ptrdiff_t size, lo, hi;
    if (!nda__valid_dtype(dt)) {
        nda__fail(NDA_EINVAL, "nda_wrap: unknown dtype %d", (int)dt);
        return NULL;
    }
    if (nda__check_shape("nda_wrap", nda_itemsize(dt), ndim, shape, &size) != NDA_OK)
        return NULL;
    if (!data && size > 0) {
        nda__fail(NDA_EINVAL, "nda_wrap: data is NULL for %td elements", size);
        return NULL;
    }
    ptrdiff_t c_strides[NDA_MAXDIMS];
    if (!strides) {
        nda__c_strides(nda_itemsize(dt), ndim, shape, c_strides);
        strides = c_strides;
    }
    if (nda__extent(nda_itemsize(dt), ndim, shape, strides, &lo, &hi) != NDA_OK) {
        nda__fail(NDA_EOVERFLOW, "nda_wrap: the strides overflow the address range");
        return NULL;
    }
    nda_array *a = new_header("nda_wrap");
    if (!a)
        return NULL;
    a->dtype = dt;
    a->ndim = ndim;
    if (ndim) {
        memcpy(a->shape, shape, (size_t)ndim * sizeof *shape);
        memcpy(a->strides, strides, (size_t)ndim * sizeof *strides);
    }
    a->data = data;
    a->mem_lo = (char *)data + lo;
    a->mem_hi = (char *)data + hi;
    a->writeable = true;
    nda__succeed();
    return a;
}

nda_array *nda_retain(nda_array *a)
{
    NDA_CHECK_ARRAY("nda_retain", a, NULL);
    atomic_fetch_add(&a->refcount, 1);
    nda__succeed();
    return a;
}

void nda_release(nda_array *a)
{
    while (a && atomic_fetch_sub(&a->refcount, 1) == 1) {
        nda_array *base = a->base;
        free(a->allocation);
        free(a);
        a = base;
    }
}

int nda_ndim(const nda_array *a)
{
    NDA_CHECK_ARRAY("nda_ndim", a, -1);
    return a->ndim;
}

const ptrdiff_t *nda_shape(const nda_array *a)
{
    NDA_CHECK_ARRAY("nda_shape", a, NULL);
    return a->shape;
}

const ptrdiff_t *nda_strides(const nda_array *a)
{
    NDA_CHECK_ARRAY("nda_strides", a, NULL);
    return a->strides;
}

ptrdiff_t nda_size(const nda_array *a)
{
    NDA_CHECK_ARRAY("nda_size", a, -1);
    return nda__size(a);
}

nda_dtype nda_dtype_of(const nda_array *a)
{
    NDA_CHECK_ARRAY("nda_dtype_of", a, (nda_dtype)-1);
    return a->dtype;
}

void *nda_data(nda_array *a)
{
    NDA_CHECK_ARRAY("nda_data", a, NULL);
    return a->data;
}

const void *nda_cdata(const nda_array *a)
{
    NDA_CHECK_ARRAY("nda_cdata", a, NULL);
    return a->data;
}

const nda_array *nda_base(const nda_array *a)
{
    NDA_CHECK_ARRAY("nda_base", a, NULL);
    return a->base;
}

bool nda_owns_data(const nda_array *a)
{
    NDA_CHECK_ARRAY("nda_owns_data", a, false);
    return a->allocation != NULL;
}

bool nda_is_writeable(const nda_array *a)
{
    NDA_CHECK_ARRAY("nda_is_writeable", a, false);
    return a->writeable;
}

bool nda_is_c_contiguous(const nda_array *a)
{
    NDA_CHECK_ARRAY("nda_is_c_contiguous", a, false);
    return nda__c_contiguous(nda_itemsize(a->dtype), a->ndim, a->shape, a->strides);
}

nda_status nda_set_writeable(nda_array *a, bool writeable)
{
    NDA_CHECK_ARRAY("nda_set_writeable", a, NDA_EINVAL);
    if (writeable && a->base && !a->base->writeable)
        return nda__fail(NDA_EREADONLY,
                         "nda_set_writeable: cannot make a view writeable: its base is read-only");
    a->writeable = writeable;
    nda__succeed();
    return NDA_OK;
}
