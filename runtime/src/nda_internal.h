/* Internal representation shared by the runtime's modules. */
#ifndef NDA_INTERNAL_H
#define NDA_INTERNAL_H

#include "nda.h"

#include <stdatomic.h>

struct nda_array {
    atomic_long refcount;
    nda_dtype dtype;
    int ndim;
    ptrdiff_t shape[NDA_MAXDIMS];
    ptrdiff_t strides[NDA_MAXDIMS]; /* bytes */
    char *data;                     /* first element */
    nda_array *base;                /* ultimate owner, NULL if this array is the owner */
    void *allocation;               /* owner only: the buffer it frees, NULL for nda_wrap */
    char *mem_lo, *mem_hi;          /* owner only: the byte range [lo, hi) of its memory */
    bool writeable;
};

/* ---- error.c ---- */
/* Records a failure (status + printf-style message), calls the handler, returns the status. */
nda_status nda__fail(nda_status status, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
void nda__succeed(void);
#define NDA_CHECK_ARRAY(fn, a, ret)                                                                \
    do {                                                                                           \
        if (!(a)) {                                                                                \
            nda__fail(NDA_EINVAL, "%s: array '%s' is NULL", fn, #a);                               \
            return ret;                                                                            \
        }                                                                                          \
    } while (0)

/* ---- layout.c ---- */
bool nda__valid_dtype(nda_dtype dt);
/* Checks ndim and shape, stores the element count in *size. Fails with EINVAL/EOVERFLOW (also
 * when itemsize times the non-zero lengths overflows, as NumPy's "array is too big"). */
nda_status nda__check_shape(const char *fn, size_t itemsize, int ndim, const ptrdiff_t *shape,
                            ptrdiff_t *size);
/* C-contiguous strides for shape (NumPy's rule: zero-length axes do not multiply). */
void nda__c_strides(size_t itemsize, int ndim, const ptrdiff_t *shape, ptrdiff_t *strides);
bool nda__c_contiguous(size_t itemsize, int ndim, const ptrdiff_t *shape, const ptrdiff_t *strides);
/* Byte offsets [lo, hi) of the elements relative to the first one; lo == hi == 0 when empty.
 * EOVERFLOW when the offsets of the non-empty axes overflow, even if another axis is empty. */
nda_status nda__extent(size_t itemsize, int ndim, const ptrdiff_t *shape, const ptrdiff_t *strides,
                       ptrdiff_t *lo, ptrdiff_t *hi);
ptrdiff_t nda__size(const nda_array *a);
nda_array *nda__owner(const nda_array *a);

/* ---- array.c ---- */
/* A fresh, C-contiguous, writeable owner with uninitialised memory. */
nda_array *nda__alloc_owner(const char *fn, nda_dtype dt, int ndim, const ptrdiff_t *shape);
/* A view of src's owner with the given layout; inherits src's writeable flag. */
nda_array *nda__new_view(const nda_array *src, int ndim, const ptrdiff_t *shape,
                         const ptrdiff_t *strides, char *data);

/* ---- dtype.c ---- */
double nda__load(nda_dtype dt, const char *p);
void nda__store(nda_dtype dt, char *p, double v);
/* One element from src's dtype to dst's: exact (wrapping) between integer dtypes, through double
 * otherwise. */
void nda__convert(nda_dtype dst, char *d, nda_dtype src, const char *s);

/* ---- iterate.c ---- */
/* Calls visit(ptr[k], ...) for every element, in C order, over up to 3 arrays of one shape. */
typedef void (*nda__visit3)(char *const *ptrs, ptrdiff_t count, const ptrdiff_t *inner_strides,
                            void *ctx);
void nda__iterate(int narrays, nda_array *const *arrays, int ndim, const ptrdiff_t *shape,
                  nda__visit3 visit, void *ctx);
/* Copies src's elements in C order into dst (same shape; converts dtypes). */
void nda__copy_elements(nda_array *dst, const nda_array *src);

/* ---- overlap.c ---- */
bool nda__identical_layout(const nda_array *a, const nda_array *b);

#endif
