/* Views: new layouts over the memory of an existing array. */
#include "nda_internal.h"

#include <string.h>

static bool check_axis(const char *fn, const nda_array *a, int axis)
{
    if (axis < 0 || axis >= a->ndim) {
        nda__fail(NDA_EINVAL, "%s: axis %d is out of range for a %d-D array", fn, axis, a->ndim);
        return false;
    }
    return true;
}

static bool normalise_index(const char *fn, ptrdiff_t length, ptrdiff_t *i)
{
    ptrdiff_t k = *i < 0 ? *i + length : *i;
    if (k < 0 || k >= length) {
        nda__fail(NDA_EBOUNDS, "%s: index %td is out of range for length %td", fn, *i, length);
        return false;
    }
    *i = k;
    return true;
}

nda_array *nda_view(const nda_array *a)
{
    NDA_CHECK_ARRAY("nda_view", a, NULL);
    return nda__new_view(a, a->ndim, a->shape, a->strides, a->data);
}

/* Python's slice.indices(): clips start/stop to the axis and returns the number of elements. */
static ptrdiff_t adjust_bound(ptrdiff_t bound, ptrdiff_t length, ptrdiff_t step)
{
    if (bound < 0) {
        bound += length;
        if (bound < 0)
            bound = step < 0 ? -1 : 0;
    } else if (bound >= length) {
        bound = step < 0 ? length - 1 : length;
    }
    return bound;
}

static ptrdiff_t slice_length(ptrdiff_t length, ptrdiff_t *start, ptrdiff_t stop, ptrdiff_t step)
{
    *start = adjust_bound(*start, length, step);
    stop = (step < 0 && stop == NDA_END) ? -1 : adjust_bound(stop, length, step);
    if (step < 0)
        return stop < *start ? (*start - stop - 1) / (-step) + 1 : 0;
    return *start < stop ? (stop - *start - 1) / step + 1 : 0;
}

nda_array *nda_slice(const nda_array *a, int axis, ptrdiff_t start, ptrdiff_t stop, ptrdiff_t step)
{
    NDA_CHECK_ARRAY("nda_slice", a, NULL);
    if (!check_axis("nda_slice", a, axis))
        return NULL;
    if (step == 0 || step == PTRDIFF_MIN) {
        nda__fail(NDA_EINVAL, "nda_slice: step %td is not allowed", step);
        return NULL;
    }
    ptrdiff_t shape[NDA_MAXDIMS], strides[NDA_MAXDIMS];
    memcpy(shape, a->shape, sizeof shape);
    memcpy(strides, a->strides, sizeof strides);
    shape[axis] = slice_length(a->shape[axis], &start, stop, step);
    char *data = a->data;
    if (shape[axis] > 0)
        data += start * a->strides[axis];
    else
        step = 1; /* as NumPy: an empty slice keeps the axis' stride */
    if (__builtin_mul_overflow(a->strides[axis], step, &strides[axis])) {
        nda__fail(NDA_EOVERFLOW, "nda_slice: stride %td times step %td overflows", a->strides[axis],
                  step);
        return NULL;
    }
    return nda__new_view(a, a->ndim, shape, strides, data);
}

nda_array *nda_index(const nda_array *a, int axis, ptrdiff_t i)
{
    NDA_CHECK_ARRAY("nda_index", a, NULL);
    if (!check_axis("nda_index", a, axis) || !normalise_index("nda_index", a->shape[axis], &i))
        return NULL;
    ptrdiff_t shape[NDA_MAXDIMS], strides[NDA_MAXDIMS];
    int n = 0;
    for (int k = 0; k < a->ndim; k++) {
        if (k == axis)
            continue;
        shape[n] = a->shape[k];
        strides[n++] = a->strides[k];
    }
    return nda__new_view(a, n, shape, strides, a->data + i * a->strides[axis]);
}

static bool require_2d(const char *fn, const nda_array *a)
{
    if (a->ndim != 2) {
        nda__fail(NDA_EINVAL, "%s: needs a 2-D array, got %d-D", fn, a->ndim);
        return false;
    }
    return true;
}

nda_array *nda_row(const nda_array *a, ptrdiff_t i)
{
    NDA_CHECK_ARRAY("nda_row", a, NULL);
    if (!require_2d("nda_row", a) || !normalise_index("nda_row", a->shape[0], &i))
        return NULL;
    return nda__new_view(a, 1, &a->shape[1], &a->strides[1], a->data + i * a->strides[0]);
}

nda_array *nda_col(const nda_array *a, ptrdiff_t j)
{
    NDA_CHECK_ARRAY("nda_col", a, NULL);
    if (!require_2d("nda_col", a) || !normalise_index("nda_col", a->shape[1], &j))
        return NULL;
    return nda__new_view(a, 1, &a->shape[0], &a->strides[0], a->data + j * a->strides[1]);
}

nda_array *nda_transpose(const nda_array *a)
{
    NDA_CHECK_ARRAY("nda_transpose", a, NULL);
    ptrdiff_t shape[NDA_MAXDIMS], strides[NDA_MAXDIMS];
    for (int k = 0; k < a->ndim; k++) {
        shape[k] = a->shape[a->ndim - 1 - k];
        strides[k] = a->strides[a->ndim - 1 - k];
    }
    return nda__new_view(a, a->ndim, shape, strides, a->data);
}

static nda_array *readonly(nda_array *v)
{
    if (v)
        v->writeable = false;
    return v;
}

nda_array *nda_diagonal(const nda_array *a)
{
    NDA_CHECK_ARRAY("nda_diagonal", a, NULL);
    if (!require_2d("nda_diagonal", a))
        return NULL;
    ptrdiff_t n = a->shape[0] < a->shape[1] ? a->shape[0] : a->shape[1];
    ptrdiff_t stride;
    if (__builtin_add_overflow(a->strides[0], a->strides[1], &stride)) {
        nda__fail(NDA_EOVERFLOW, "nda_diagonal: the diagonal stride overflows");
        return NULL;
    }
    return readonly(nda__new_view(a, 1, &n, &stride, a->data));
}

nda_array *nda_broadcast_to(const nda_array *a, int ndim, const ptrdiff_t *shape)
{
    NDA_CHECK_ARRAY("nda_broadcast_to", a, NULL);
    ptrdiff_t size;
    if (nda__check_shape("nda_broadcast_to", nda_itemsize(a->dtype), ndim, shape, &size) != NDA_OK)
        return NULL;
    if (ndim < a->ndim) {
        nda__fail(NDA_ESHAPE, "nda_broadcast_to: cannot broadcast %d-D to %d-D", a->ndim, ndim);
        return NULL;
    }
    ptrdiff_t strides[NDA_MAXDIMS];
    int lead = ndim - a->ndim;
    for (int k = 0; k < ndim; k++) {
        if (k < lead) {
            strides[k] = 0;
            continue;
        }
        ptrdiff_t have = a->shape[k - lead];
        if (have == shape[k] && have != 1) {
            strides[k] = a->strides[k - lead];
        } else if (have == 1) { /* as NumPy: also a length-1 axis gets stride 0 */
            strides[k] = 0;
        } else {
            nda__fail(NDA_ESHAPE, "nda_broadcast_to: axis %d of length %td cannot become %td",
                      k - lead, have, shape[k]);
            return NULL;
        }
    }
    return readonly(nda__new_view(a, ndim, shape, strides, a->data));
}

nda_array *nda_as_strided(const nda_array *a, int ndim, const ptrdiff_t *shape,
                          const ptrdiff_t *strides)
{
    NDA_CHECK_ARRAY("nda_as_strided", a, NULL);
    ptrdiff_t size, lo, hi;
    if (nda__check_shape("nda_as_strided", nda_itemsize(a->dtype), ndim, shape, &size) != NDA_OK)
        return NULL;
    if (ndim > 0 && !strides) {
        nda__fail(NDA_EINVAL, "nda_as_strided: strides is NULL");
        return NULL;
    }
    if (nda__extent(nda_itemsize(a->dtype), ndim, shape, strides, &lo, &hi) != NDA_OK) {
        nda__fail(NDA_EOVERFLOW, "nda_as_strided: the strides overflow the address range");
        return NULL;
    }
    const nda_array *owner = nda__owner(a);
    if (size > 0) {
        ptrdiff_t below = a->data - owner->mem_lo, above = owner->mem_hi - a->data;
        if (-lo > below || hi > above) {
            nda__fail(NDA_EBOUNDS,
                      "nda_as_strided: the view reaches bytes [%td, %td) around its first element, "
                      "outside the base's memory [%td, %td)",
                      lo, hi, -below, above);
            return NULL;
        }
    }
    return nda__new_view(a, ndim, shape, strides, a->data);
}
