/* The wrappers behind nda.h's names in checked mode: each tells the rules what its call does to
 * memory (as nda.h's annotations declare it), then does the call. */
#include "check_state.h"

#include "nda_check.h"

#include <stddef.h>
#include <stdlib.h>

#define SITE                                                                                       \
    check_site at;                                                                                 \
    check_site_here(&at, file, line)

/* The record of a handle; one made now for an array the checked mode has not seen. */
static int record_of(const nda_array *a, const check_site *at)
{
    if (!a)
        return -1;
    int r = check_find(a);
    return r >= 0 ? r : check_add(a, (nda_array *)a, -1, false, at);
}

static void inspect(const nda_array *a, const check_site *at)
{
    if (check_enabled() && a)
        check_use(record_of(a, at), at);
}

typedef void (*element_event)(int r, const char *lo, const char *hi, const check_site *at);

static void every_element(const nda_array *a, element_event event, const check_site *at)
{
    if (!check_enabled() || !a)
        return;
    int r = record_of(a, at);
    if (!check_use(r, at))
        return;
    ptrdiff_t n;
    check_bytes *el = check_elements(a, &n);
    for (ptrdiff_t k = 0; k < n; k++)
        event(r, el[k].lo, el[k].hi, at);
    free(el);
}

static void read_all(const nda_array *a, const check_site *at)
{
    every_element(a, check_read, at);
}

static void write_all(const nda_array *a, const check_site *at)
{
    every_element(a, check_write, at);
}

/* One element's bytes (NULL when the index is out of range: the call fails, nothing happens). */
static const char *element(const nda_array *a, int n, const ptrdiff_t *idx)
{
    if (!a || n != a->ndim || (n > 0 && !idx))
        return NULL;
    const char *p = a->data;
    for (int d = 0; d < n; d++) {
        ptrdiff_t i = idx[d] < 0 ? idx[d] + a->shape[d] : idx[d]; /* -1 is the last, as nda */
        if (i < 0 || i >= a->shape[d])
            return NULL;
        p += i * a->strides[d];
    }
    return p;
}

static void one_element(const nda_array *a, int n, const ptrdiff_t *idx, element_event event,
                        const check_site *at)
{
    if (!check_enabled() || !a)
        return;
    int r = record_of(a, at);
    const char *p = element(a, n, idx);
    if (check_use(r, at) && p)
        event(r, p, p + nda_itemsize(a->dtype), at);
}

/* VC001 before a write: read-only memory, or a const parameter's. */
static void writable(const nda_array *a, const check_site *at)
{
    if (!check_enabled() || !a)
        return;
    int r = record_of(a, at);
    if (!check_use(r, at))
        return; /* a released handle: used, even if the call then fails */
    if (!check_writable(r))
        check_report("VC001", at, "a write reaches memory that must not change (%s)",
                     a->writeable ? "a const parameter's" : "a read-only array's");
}

static nda_array *fresh(nda_array *result, const check_site *at)
{
    if (check_enabled() && result)
        check_add(result, result, -1, false, at);
    return result;
}

static nda_array *derived(const nda_array *source, nda_array *result, const check_site *at)
{
    if (check_enabled() && result)
        check_add(result, result, record_of(source, at), false, at);
    return result;
}

/* ---- creation ---- */
nda_array *nda_checked_empty(const char *file, int line, nda_dtype dt, int ndim,
                             const ptrdiff_t *shape)
{
    SITE;
    return fresh(nda_empty(dt, ndim, shape), &at);
}

nda_array *nda_checked_zeros(const char *file, int line, nda_dtype dt, int ndim,
                             const ptrdiff_t *shape)
{
    SITE;
    return fresh(nda_zeros(dt, ndim, shape), &at);
}

nda_array *nda_checked_full(const char *file, int line, nda_dtype dt, int ndim,
                            const ptrdiff_t *shape, double v)
{
    SITE;
    return fresh(nda_full(dt, ndim, shape, v), &at);
}

nda_array *nda_checked_arange(const char *file, int line, ptrdiff_t n)
{
    SITE;
    return fresh(nda_arange(n), &at);
}

nda_array *nda_checked_from_values(const char *file, int line, nda_dtype dt, int ndim,
                                   const ptrdiff_t *shape, const double *values)
{
    SITE;
    return fresh(nda_from_values(dt, ndim, shape, values), &at);
}

nda_array *nda_checked_wrap(const char *file, int line, void *data, nda_dtype dt, int ndim,
                            const ptrdiff_t *shape, const ptrdiff_t *strides)
{
    SITE;
    return fresh(nda_wrap(data, dt, ndim, shape, strides), &at);
}

/* ---- views ---- */
#define VIEW(call)                                                                                 \
    SITE;                                                                                          \
    inspect(a, &at);                                                                               \
    return derived(a, call, &at)

nda_array *nda_checked_view(const char *file, int line, const nda_array *a)
{
    VIEW(nda_view(a));
}

nda_array *nda_checked_slice(const char *file, int line, const nda_array *a, int axis,
                             ptrdiff_t start, ptrdiff_t stop, ptrdiff_t step)
{
    VIEW(nda_slice(a, axis, start, stop, step));
}

nda_array *nda_checked_index(const char *file, int line, const nda_array *a, int axis, ptrdiff_t i)
{
    VIEW(nda_index(a, axis, i));
}

nda_array *nda_checked_row(const char *file, int line, const nda_array *a, ptrdiff_t i)
{
    VIEW(nda_row(a, i));
}

nda_array *nda_checked_col(const char *file, int line, const nda_array *a, ptrdiff_t j)
{
    VIEW(nda_col(a, j));
}

nda_array *nda_checked_transpose(const char *file, int line, const nda_array *a)
{
    VIEW(nda_transpose(a));
}

nda_array *nda_checked_diagonal(const char *file, int line, const nda_array *a)
{
    VIEW(nda_diagonal(a));
}

nda_array *nda_checked_broadcast_to(const char *file, int line, const nda_array *a, int ndim,
                                    const ptrdiff_t *shape)
{
    VIEW(nda_broadcast_to(a, ndim, shape));
}

nda_array *nda_checked_as_strided(const char *file, int line, const nda_array *a, int ndim,
                                  const ptrdiff_t *shape, const ptrdiff_t *strides)
{
    VIEW(nda_as_strided(a, ndim, shape, strides));
}

/* ---- maybe-views: the result is a view, the source itself (retained) or a copy ---- */
static nda_array *maybe_view(const nda_array *a, nda_array *result, const check_site *at)
{
    if (!check_enabled() || !result)
        return result;
    if (result == a) {
        check_get(record_of(a, at))->count++;
        return result;
    }
    if (a && nda__owner(result) == nda__owner(a))
        return derived(a, result, at);
    return fresh(result, at);
}

nda_array *nda_checked_reshape(const char *file, int line, const nda_array *a, int ndim,
                               const ptrdiff_t *shape)
{
    SITE;
    read_all(a, &at);
    return maybe_view(a, nda_reshape(a, ndim, shape), &at);
}

nda_array *nda_checked_ravel(const char *file, int line, const nda_array *a)
{
    SITE;
    read_all(a, &at);
    return maybe_view(a, nda_ravel(a), &at);
}

nda_array *nda_checked_ascontiguous(const char *file, int line, const nda_array *a)
{
    SITE;
    read_all(a, &at);
    return maybe_view(a, nda_ascontiguous(a), &at);
}

/* ---- copies ---- */
nda_array *nda_checked_copy(const char *file, int line, const nda_array *a)
{
    SITE;
    read_all(a, &at);
    return fresh(nda_copy(a), &at);
}

nda_array *nda_checked_flatten(const char *file, int line, const nda_array *a)
{
    SITE;
    read_all(a, &at);
    return fresh(nda_flatten(a), &at);
}

nda_array *nda_checked_astype(const char *file, int line, const nda_array *a, nda_dtype dt)
{
    SITE;
    read_all(a, &at);
    return fresh(nda_astype(a, dt), &at);
}

/* ---- lifetime ---- */
nda_array *nda_checked_retain(const char *file, int line, nda_array *a)
{
    SITE;
    if (check_enabled() && a) {
        int r = record_of(a, &at);
        if (check_use(r, &at))
            check_get(r)->count++;
    }
    return nda_retain(a);
}

void nda_checked_release(const char *file, int line, nda_array *a)
{
    SITE;
    if (!check_enabled()) {
        nda_release(a);
        return;
    }
    if (a)
        check_release(record_of(a, &at), &at); /* poisoned, never freed */
}

/* ---- inspection ---- */
#define INSPECT(call)                                                                              \
    SITE;                                                                                          \
    inspect(a, &at);                                                                               \
    return call

int nda_checked_ndim(const char *file, int line, const nda_array *a)
{
    INSPECT(nda_ndim(a));
}

const ptrdiff_t *nda_checked_shape(const char *file, int line, const nda_array *a)
{
    INSPECT(nda_shape(a));
}

const ptrdiff_t *nda_checked_strides(const char *file, int line, const nda_array *a)
{
    INSPECT(nda_strides(a));
}

ptrdiff_t nda_checked_size(const char *file, int line, const nda_array *a)
{
    INSPECT(nda_size(a));
}

nda_dtype nda_checked_dtype_of(const char *file, int line, const nda_array *a)
{
    INSPECT(nda_dtype_of(a));
}

const nda_array *nda_checked_base(const char *file, int line, const nda_array *a)
{
    INSPECT(nda_base(a));
}

bool nda_checked_owns_data(const char *file, int line, const nda_array *a)
{
    INSPECT(nda_owns_data(a));
}

bool nda_checked_is_writeable(const char *file, int line, const nda_array *a)
{
    INSPECT(nda_is_writeable(a));
}

bool nda_checked_is_c_contiguous(const char *file, int line, const nda_array *a)
{
    INSPECT(nda_is_c_contiguous(a));
}

nda_status nda_checked_set_writeable(const char *file, int line, nda_array *a, bool writeable)
{
    INSPECT(nda_set_writeable(a, writeable));
}

bool nda_checked_may_share_memory(const char *file, int line, const nda_array *a,
                                  const nda_array *b)
{
    SITE;
    inspect(a, &at);
    inspect(b, &at);
    return nda_may_share_memory(a, b);
}

nda_overlap nda_checked_shares_memory(const char *file, int line, const nda_array *a,
                                      const nda_array *b, ptrdiff_t max_work)
{
    SITE;
    inspect(a, &at);
    inspect(b, &at);
    return nda_shares_memory(a, b, max_work);
}

/* ---- raw data pointers ---- */
static void *raw_pointer(const nda_array *a, void *data, const check_site *at)
{
    if (check_enabled() && a && data) {
        int r = record_of(a, at);
        check_add(data, (nda_array *)a, r, true, at);
    }
    return data;
}

void *nda_checked_data(const char *file, int line, nda_array *a)
{
    SITE;
    inspect(a, &at);
    return raw_pointer(a, nda_data(a), &at);
}

const void *nda_checked_cdata(const char *file, int line, const nda_array *a)
{
    SITE;
    inspect(a, &at);
    return raw_pointer(a, (void *)nda_cdata(a), &at);
}

void *nda_check_raw(const char *file, int line, const void *p, ptrdiff_t i, size_t size, int write)
{
    char *addr = (char *)p + i * (ptrdiff_t)size;
    int r = check_enabled() ? check_find(p) : -1;
    if (r < 0 || !check_get(r)->raw)
        return addr;
    SITE;
    if (write && !check_any_raw_writable(p))
        check_report("VC001", &at,
                     "a write through a data pointer reaches memory that must not "
                     "change");
    (write ? check_write : check_read)(r, addr, addr + size, &at);
    if (check_moved(r)) { /* the memory moved on a resize: the access goes to a scratch slot */
        static _Alignas(max_align_t) char scratch[64];
        return size <= sizeof scratch ? scratch : addr;
    }
    return addr;
}

/* ---- element access ---- */
int nda_checked_print(const char *file, int line, FILE *f, const nda_array *a)
{
    SITE;
    read_all(a, &at);
    return nda_print(f, a);
}

double nda_checked_get(const char *file, int line, const nda_array *a, const ptrdiff_t *idx)
{
    SITE;
    one_element(a, a ? a->ndim : 0, idx, check_read, &at);
    return nda_get(a, idx);
}

double nda_checked_get1(const char *file, int line, const nda_array *a, ptrdiff_t i)
{
    SITE;
    one_element(a, 1, &i, check_read, &at);
    return nda_get1(a, i);
}

double nda_checked_get2(const char *file, int line, const nda_array *a, ptrdiff_t i, ptrdiff_t j)
{
    SITE;
    ptrdiff_t idx[2] = {i, j};
    one_element(a, 2, idx, check_read, &at);
    return nda_get2(a, i, j);
}

/* A write call: VC001 first; the write happens (is an event) only when the call succeeds. */
static nda_status set_element(nda_array *a, int n, const ptrdiff_t *idx, nda_status status,
                              const check_site *at)
{
    if (status == NDA_OK)
        one_element(a, n, idx, check_write, at);
    return status;
}

nda_status nda_checked_set(const char *file, int line, nda_array *a, const ptrdiff_t *idx, double v)
{
    SITE;
    writable(a, &at);
    return set_element(a, a ? a->ndim : 0, idx, nda_set(a, idx, v), &at);
}

nda_status nda_checked_set1(const char *file, int line, nda_array *a, ptrdiff_t i, double v)
{
    SITE;
    writable(a, &at);
    return set_element(a, 1, &i, nda_set1(a, i, v), &at);
}

nda_status nda_checked_set2(const char *file, int line, nda_array *a, ptrdiff_t i, ptrdiff_t j,
                            double v)
{
    SITE;
    writable(a, &at);
    ptrdiff_t idx[2] = {i, j};
    return set_element(a, 2, idx, nda_set2(a, i, j, v), &at);
}

static nda_status wrote(nda_array *out, nda_status status, const check_site *at)
{
    if (check_enabled() && status == NDA_EOVERLAP)
        check_report("VC002", at, "a kernel's output partially overlaps one of its inputs");
    if (status == NDA_OK)
        write_all(out, at);
    return status;
}

nda_status nda_checked_fill(const char *file, int line, nda_array *a, double v)
{
    SITE;
    writable(a, &at);
    return wrote(a, nda_fill(a, v), &at);
}

nda_status nda_checked_copyto(const char *file, int line, nda_array *dst, const nda_array *src)
{
    SITE;
    read_all(src, &at);
    writable(dst, &at);
    return wrote(dst, nda_copyto(dst, src), &at);
}

#define KERNEL(call)                                                                               \
    SITE;                                                                                          \
    read_all(x, &at);                                                                              \
    read_all(y, &at);                                                                              \
    writable(out, &at);                                                                            \
    return wrote(out, call, &at)

nda_status nda_checked_add(const char *file, int line, nda_array *out, const nda_array *x,
                           const nda_array *y)
{
    KERNEL(nda_add(out, x, y));
}

nda_status nda_checked_sub(const char *file, int line, nda_array *out, const nda_array *x,
                           const nda_array *y)
{
    KERNEL(nda_sub(out, x, y));
}

nda_status nda_checked_mul(const char *file, int line, nda_array *out, const nda_array *x,
                           const nda_array *y)
{
    KERNEL(nda_mul(out, x, y));
}

nda_status nda_checked_div(const char *file, int line, nda_array *out, const nda_array *x,
                           const nda_array *y)
{
    KERNEL(nda_div(out, x, y));
}

nda_status nda_checked_scale(const char *file, int line, nda_array *a, double s)
{
    SITE;
    read_all(a, &at);
    writable(a, &at);
    return wrote(a, nda_scale(a, s), &at);
}

nda_status nda_checked_axpy(const char *file, int line, nda_array *y, double alpha,
                            const nda_array *x)
{
    SITE;
    read_all(y, &at);
    read_all(x, &at);
    writable(y, &at);
    return wrote(y, nda_axpy(y, alpha, x), &at);
}

double nda_checked_sum(const char *file, int line, const nda_array *a)
{
    SITE;
    read_all(a, &at);
    return nda_sum(a);
}

double nda_checked_dot(const char *file, int line, const nda_array *x, const nda_array *y)
{
    SITE;
    read_all(x, &at);
    read_all(y, &at);
    return nda_dot(x, y);
}

/* ---- resize ---- */
nda_status nda_checked_resize(const char *file, int line, nda_array *a, ptrdiff_t new_size)
{
    SITE;
    inspect(a, &at);
    nda_status status = nda_resize(a, new_size);
    bool released = check_enabled() && a && check_get(record_of(a, &at))->poisoned;
    if (check_enabled() && status == NDA_EREFERENCED && !released) /* released: VC007 above */
        check_report("VC006", &at, "nda_resize on an array that is a view or is referenced");
    if (status == NDA_OK && a)
        check_count_resize(a);
    return status;
}
