/* nda: n-dimensional arrays with NumPy's view/copy semantics.
 *
 * Every function carries annotations (NDA_* effect macros below) that declare what it does to
 * array memory. Under clang they become __attribute__((annotate("nda:..."))) and the viewcheck
 * analyzer reads them; elsewhere they expand to nothing. runtime/README.md documents the
 * vocabulary. */
#ifndef NDA_H
#define NDA_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

#ifdef __cplusplus
extern "C" {
#endif

/* ---- Memory-effect annotations ------------------------------------------------------------ */
#if defined(__clang__)
#define NDA_ANNOTATE(text) __attribute__((annotate(text)))
#else
#define NDA_ANNOTATE(text)
#endif

#define NDA_RETURNS_FRESH NDA_ANNOTATE("nda:returns_fresh")
#define NDA_RETURNS_VIEW(p) NDA_ANNOTATE("nda:returns_view(" #p ")")
#define NDA_RETURNS_READONLY_VIEW(p) NDA_ANNOTATE("nda:returns_readonly_view(" #p ")")
#define NDA_RETURNS_MAYBE_VIEW(p) NDA_ANNOTATE("nda:returns_maybe_view(" #p ")")
#define NDA_RETURNS_SAME(p) NDA_ANNOTATE("nda:returns_same(" #p ")")
#define NDA_RETURNS_DATA(p) NDA_ANNOTATE("nda:returns_data(" #p ")")
#define NDA_READS(p) NDA_ANNOTATE("nda:reads(" #p ")")
#define NDA_WRITES(p) NDA_ANNOTATE("nda:writes(" #p ")")
#define NDA_INSPECTS(p) NDA_ANNOTATE("nda:inspects(" #p ")")
#define NDA_RETAINS(p) NDA_ANNOTATE("nda:retains(" #p ")")
#define NDA_RELEASES(p) NDA_ANNOTATE("nda:releases(" #p ")")
#define NDA_NO_PARTIAL_OVERLAP(p, q) NDA_ANNOTATE("nda:no_partial_overlap(" #p "," #q ")")
#define NDA_NO_OVERLAP(p, q) NDA_ANNOTATE("nda:no_overlap(" #p "," #q ")")
/* A broken overlap contract is checked: the call fails (NDA_EOVERLAP) and writes nothing. */
#define NDA_FAILS_ON_OVERLAP NDA_ANNOTATE("nda:fails_on_overlap")
#define NDA_UNREFERENCED(p) NDA_ANNOTATE("nda:unreferenced(" #p ")")
#define NDA_SETS_WRITEABLE(p, flag) NDA_ANNOTATE("nda:sets_writeable(" #p "," #flag ")")
#define NDA_MAKES_READONLY(p) NDA_ANNOTATE("nda:makes_readonly(" #p ")")
/* Region of a view inside its source: which part of P the returned view covers. */
#define NDA_REGION_SLICE(p, axis, start, stop, step)                                               \
    NDA_ANNOTATE("nda:region_slice(" #p "," #axis "," #start "," #stop "," #step ")")
#define NDA_REGION_INDEX(p, axis, i) NDA_ANNOTATE("nda:region_index(" #p "," #axis "," #i ")")
#define NDA_REGION_ROW(p, i) NDA_ANNOTATE("nda:region_index(" #p ",0," #i ")")
#define NDA_REGION_COL(p, j) NDA_ANNOTATE("nda:region_index(" #p ",1," #j ")")
#define NDA_REGION_TRANSPOSE(p) NDA_ANNOTATE("nda:region_transpose(" #p ")")
#define NDA_REGION_SAME(p) NDA_ANNOTATE("nda:region_same(" #p ")")
/* Layout: the result's dimensions; how a maybe-view resolves when the layout of P is known. */
#define NDA_RESULT_NDIM(n) NDA_ANNOTATE("nda:result_ndim(" #n ")")
#define NDA_VIEW_IF_CONTIGUOUS(p) NDA_ANNOTATE("nda:view_if_contiguous(" #p ")")
#define NDA_COPY_UNLESS_CONTIGUOUS(p) NDA_ANNOTATE("nda:copy_unless_contiguous(" #p ")")
#define NDA_SAME_IF_CONTIGUOUS(p) NDA_ANNOTATE("nda:same_if_contiguous(" #p ")")

/* ---- Types -------------------------------------------------------------------------------- */
#define NDA_MAXDIMS 8
#define NDA_END PTRDIFF_MAX /* slice stop meaning "to the end" */

typedef enum { NDA_FLOAT64, NDA_FLOAT32, NDA_INT64, NDA_INT32, NDA_UINT8 } nda_dtype;
typedef struct nda_array nda_array; /* opaque */

typedef enum {
    NDA_OK = 0,
    NDA_ENOMEM,      /* allocation failed */
    NDA_EINVAL,      /* bad argument: NULL array, axis out of range, step 0, ndim > NDA_MAXDIMS */
    NDA_EBOUNDS,     /* index out of range */
    NDA_ESHAPE,      /* shapes do not match / size mismatch in reshape */
    NDA_EREADONLY,   /* write to a read-only array */
    NDA_EOVERLAP,    /* output partially overlaps an input of a kernel */
    NDA_EREFERENCED, /* resize of an array that has views or is a view */
    NDA_EOVERFLOW    /* shape/stride arithmetic overflows */
} nda_status;

typedef enum { NDA_OVERLAP_NO = 0, NDA_OVERLAP_YES = 1, NDA_OVERLAP_TOO_HARD = -1 } nda_overlap;

typedef void (*nda_error_handler)(nda_status status, const char *msg);

/* ---- Errors ------------------------------------------------------------------------------- */
nda_status nda_last_status(void);
const char *nda_last_error(void);
nda_error_handler nda_set_error_handler(nda_error_handler h);
const char *nda_status_name(nda_status status); /* "NDA_EINVAL", ... */

/* ---- Creation: fresh arrays that own their memory ------------------------------------------ */
NDA_RETURNS_FRESH NDA_RESULT_NDIM(ndim) nda_array *nda_empty(nda_dtype dt, int ndim,
                                                             const ptrdiff_t *shape);
NDA_RETURNS_FRESH NDA_RESULT_NDIM(ndim) nda_array *nda_zeros(nda_dtype dt, int ndim,
                                                             const ptrdiff_t *shape);
NDA_RETURNS_FRESH NDA_RESULT_NDIM(ndim) nda_array *nda_full(nda_dtype dt, int ndim,
                                                            const ptrdiff_t *shape, double value);
NDA_RETURNS_FRESH NDA_RESULT_NDIM(1) nda_array *nda_arange(ptrdiff_t n);
NDA_RETURNS_FRESH NDA_RESULT_NDIM(ndim) nda_array *nda_from_values(nda_dtype dt, int ndim,
                                                                   const ptrdiff_t *shape,
                                                                   const double *values);
NDA_RETURNS_FRESH nda_array *nda_wrap(void *data, nda_dtype dt, int ndim, const ptrdiff_t *shape,
                                      const ptrdiff_t *strides);

/* ---- Views -------------------------------------------------------------------------------- */
NDA_RETURNS_VIEW(a) NDA_INSPECTS(a) NDA_REGION_SAME(a) nda_array *nda_view(const nda_array *a);
NDA_RETURNS_VIEW(a)
NDA_INSPECTS(a)
NDA_REGION_SLICE(a, axis, start, stop, step)
nda_array *nda_slice(const nda_array *a, int axis, ptrdiff_t start, ptrdiff_t stop, ptrdiff_t step);
NDA_RETURNS_VIEW(a)
NDA_INSPECTS(a)
NDA_REGION_INDEX(a, axis, i) nda_array *nda_index(const nda_array *a, int axis, ptrdiff_t i);
NDA_RETURNS_VIEW(a)
NDA_INSPECTS(a) NDA_REGION_ROW(a, i) nda_array *nda_row(const nda_array *a, ptrdiff_t i);
NDA_RETURNS_VIEW(a)
NDA_INSPECTS(a) NDA_REGION_COL(a, j) nda_array *nda_col(const nda_array *a, ptrdiff_t j);
NDA_RETURNS_VIEW(a)
NDA_INSPECTS(a) NDA_REGION_TRANSPOSE(a) nda_array *nda_transpose(const nda_array *a);
NDA_RETURNS_READONLY_VIEW(a) NDA_INSPECTS(a) nda_array *nda_diagonal(const nda_array *a);
NDA_RETURNS_READONLY_VIEW(a)
NDA_INSPECTS(a) nda_array *nda_broadcast_to(const nda_array *a, int ndim, const ptrdiff_t *shape);
NDA_RETURNS_VIEW(a)
NDA_INSPECTS(a)
nda_array *nda_as_strided(const nda_array *a, int ndim, const ptrdiff_t *shape,
                          const ptrdiff_t *strides);

/* ---- Maybe-views: a view when the layout allows it, otherwise a copy ----------------------- */
NDA_RETURNS_MAYBE_VIEW(a)
NDA_READS(a)
NDA_VIEW_IF_CONTIGUOUS(a)
NDA_RESULT_NDIM(ndim) nda_array *nda_reshape(const nda_array *a, int ndim, const ptrdiff_t *shape);
NDA_RETURNS_MAYBE_VIEW(a)
NDA_READS(a)
NDA_COPY_UNLESS_CONTIGUOUS(a) NDA_RESULT_NDIM(1) nda_array *nda_ravel(const nda_array *a);
NDA_RETURNS_MAYBE_VIEW(a)
NDA_READS(a) NDA_SAME_IF_CONTIGUOUS(a) nda_array *nda_ascontiguous(const nda_array *a);

/* ---- Copies ------------------------------------------------------------------------------- */
NDA_RETURNS_FRESH NDA_READS(a) nda_array *nda_copy(const nda_array *a);
NDA_RETURNS_FRESH NDA_READS(a) NDA_RESULT_NDIM(1) nda_array *nda_flatten(const nda_array *a);
NDA_RETURNS_FRESH NDA_READS(a) nda_array *nda_astype(const nda_array *a, nda_dtype dt);

/* ---- Lifetime ----------------------------------------------------------------------------- */
NDA_RETURNS_SAME(a) NDA_RETAINS(a) nda_array *nda_retain(nda_array *a);
NDA_RELEASES(a) void nda_release(nda_array *a);

/* ---- Inspection (metadata only: not reads of element memory) ------------------------------ */
NDA_INSPECTS(a) int nda_ndim(const nda_array *a);
NDA_INSPECTS(a) const ptrdiff_t *nda_shape(const nda_array *a);
NDA_INSPECTS(a) const ptrdiff_t *nda_strides(const nda_array *a);
NDA_INSPECTS(a) ptrdiff_t nda_size(const nda_array *a);
NDA_INSPECTS(a) nda_dtype nda_dtype_of(const nda_array *a);
size_t nda_itemsize(nda_dtype dt);
NDA_RETURNS_DATA(a) NDA_INSPECTS(a) void *nda_data(nda_array *a);
NDA_RETURNS_DATA(a) NDA_INSPECTS(a) const void *nda_cdata(const nda_array *a);
NDA_INSPECTS(a) const nda_array *nda_base(const nda_array *a);
NDA_INSPECTS(a) bool nda_owns_data(const nda_array *a);
NDA_INSPECTS(a) bool nda_is_writeable(const nda_array *a);
NDA_INSPECTS(a) bool nda_is_c_contiguous(const nda_array *a);
NDA_SETS_WRITEABLE(a, writeable)
nda_status nda_set_writeable(nda_array *a, bool writeable);
NDA_READS(a) int nda_print(FILE *f, const nda_array *a);

/* ---- Element access ----------------------------------------------------------------------- */
NDA_READS(a) double nda_get(const nda_array *a, const ptrdiff_t *idx);
NDA_READS(a) double nda_get1(const nda_array *a, ptrdiff_t i);
NDA_READS(a) double nda_get2(const nda_array *a, ptrdiff_t i, ptrdiff_t j);
NDA_WRITES(a) nda_status nda_set(nda_array *a, const ptrdiff_t *idx, double v);
NDA_WRITES(a) nda_status nda_set1(nda_array *a, ptrdiff_t i, double v);
NDA_WRITES(a) nda_status nda_set2(nda_array *a, ptrdiff_t i, ptrdiff_t j, double v);

/* ---- Kernels ------------------------------------------------------------------------------ */
NDA_WRITES(a) nda_status nda_fill(nda_array *a, double v);
NDA_WRITES(dst) NDA_READS(src) nda_status nda_copyto(nda_array *dst, const nda_array *src);
NDA_WRITES(out)
NDA_READS(x)
NDA_READS(y)
NDA_NO_PARTIAL_OVERLAP(out, x)
NDA_NO_PARTIAL_OVERLAP(out, y) NDA_FAILS_ON_OVERLAP nda_status
    nda_add(nda_array *out, const nda_array *x, const nda_array *y);
NDA_WRITES(out)
NDA_READS(x)
NDA_READS(y)
NDA_NO_PARTIAL_OVERLAP(out, x)
NDA_NO_PARTIAL_OVERLAP(out, y) NDA_FAILS_ON_OVERLAP nda_status
    nda_sub(nda_array *out, const nda_array *x, const nda_array *y);
NDA_WRITES(out)
NDA_READS(x)
NDA_READS(y)
NDA_NO_PARTIAL_OVERLAP(out, x)
NDA_NO_PARTIAL_OVERLAP(out, y) NDA_FAILS_ON_OVERLAP nda_status
    nda_mul(nda_array *out, const nda_array *x, const nda_array *y);
NDA_WRITES(out)
NDA_READS(x)
NDA_READS(y)
NDA_NO_PARTIAL_OVERLAP(out, x)
NDA_NO_PARTIAL_OVERLAP(out, y) NDA_FAILS_ON_OVERLAP nda_status
    nda_div(nda_array *out, const nda_array *x, const nda_array *y);
NDA_READS(a) NDA_WRITES(a) nda_status nda_scale(nda_array *a, double s);
NDA_READS(y)
NDA_WRITES(y)
NDA_READS(x)
NDA_NO_PARTIAL_OVERLAP(y, x)
NDA_FAILS_ON_OVERLAP nda_status nda_axpy(nda_array *y, double alpha, const nda_array *x);
NDA_READS(a) double nda_sum(const nda_array *a);
NDA_READS(x) NDA_READS(y) double nda_dot(const nda_array *x, const nda_array *y);

/* ---- Memory overlap ----------------------------------------------------------------------- */
NDA_INSPECTS(a) NDA_INSPECTS(b) bool nda_may_share_memory(const nda_array *a, const nda_array *b);
NDA_INSPECTS(a)
NDA_INSPECTS(b)
nda_overlap nda_shares_memory(const nda_array *a, const nda_array *b, ptrdiff_t max_work);

/* ---- Resize ------------------------------------------------------------------------------- */
NDA_UNREFERENCED(a) nda_status nda_resize(nda_array *a, ptrdiff_t new_size);

#ifdef __cplusplus
}
#endif

#ifdef NDA_CHECKED /* checked mode: every call goes through a checking wrapper (nda_check.h) */
#include "nda_check.h"
#endif
#endif /* NDA_H */
