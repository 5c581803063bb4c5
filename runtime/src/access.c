/* Element access by index: double at the interface, converted to the dtype. */
#include "nda_internal.h"

#include <math.h>

static char *element(const char *fn, const nda_array *a, int nidx, const ptrdiff_t *idx)
{
    if (!a) {
        nda__fail(NDA_EINVAL, "%s: array is NULL", fn);
        return NULL;
    }
    if (nidx != a->ndim) {
        nda__fail(NDA_EINVAL, "%s: %d indices for a %d-D array", fn, nidx, a->ndim);
        return NULL;
    }
    if (nidx > 0 && !idx) {
        nda__fail(NDA_EINVAL, "%s: idx is NULL", fn);
        return NULL;
    }
    char *p = a->data;
    for (int k = 0; k < nidx; k++) {
        ptrdiff_t i = idx[k] < 0 ? idx[k] + a->shape[k] : idx[k];
        if (i < 0 || i >= a->shape[k]) {
            nda__fail(NDA_EBOUNDS, "%s: index %td is out of range for axis %d of length %td", fn,
                      idx[k], k, a->shape[k]);
            return NULL;
        }
        p += i * a->strides[k];
    }
    return p;
}

static double get(const char *fn, const nda_array *a, int nidx, const ptrdiff_t *idx)
{
    const char *p = element(fn, a, nidx, idx);
    if (!p)
        return NAN;
    nda__succeed();
    return nda__load(a->dtype, p);
}

static nda_status set(const char *fn, nda_array *a, int nidx, const ptrdiff_t *idx, double v)
{
    if (a && !a->writeable) /* checked first, as NumPy does */
        return nda__fail(NDA_EREADONLY, "%s: the array is read-only", fn);
    char *p = element(fn, a, nidx, idx);
    if (!p)
        return nda_last_status();
    nda__store(a->dtype, p, v);
    nda__succeed();
    return NDA_OK;
}

double nda_get(const nda_array *a, const ptrdiff_t *idx)
{
    return get("nda_get", a, a ? a->ndim : 0, idx);
}

double nda_get1(const nda_array *a, ptrdiff_t i)
{
    return get("nda_get1", a, 1, &i);
}

double nda_get2(const nda_array *a, ptrdiff_t i, ptrdiff_t j)
{
    ptrdiff_t idx[2] = {i, j};
    return get("nda_get2", a, 2, idx);
}

nda_status nda_set(nda_array *a, const ptrdiff_t *idx, double v)
{
    return set("nda_set", a, a ? a->ndim : 0, idx, v);
}

nda_status nda_set1(nda_array *a, ptrdiff_t i, double v)
{
    return set("nda_set1", a, 1, &i, v);
}

nda_status nda_set2(nda_array *a, ptrdiff_t i, ptrdiff_t j, double v)
{
    ptrdiff_t idx[2] = {i, j};
    return set("nda_set2", a, 2, idx, v);
}
