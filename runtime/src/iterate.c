/* Strided n-d iteration: the outer axes are walked with an index counter, the innermost axis is
 * handed to a visitor as one strided run. Adjacent axes that every operand can merge are merged,
 * so contiguous operands become a single run. */
#include "nda_internal.h"

#include <string.h>

typedef struct {
    int ndim;
    ptrdiff_t shape[NDA_MAXDIMS];
    ptrdiff_t strides[3][NDA_MAXDIMS];
} loop_layout;

static void build_layout(int narrays, nda_array *const *arrays, int ndim, const ptrdiff_t *shape,
                         loop_layout *out)
{
    out->ndim = 0;
    for (int k = 0; k < ndim; k++) {
        if (shape[k] == 1)
            continue;
        int d = out->ndim;
        bool mergeable = d > 0;
        for (int n = 0; n < narrays && mergeable; n++)
            mergeable = out->strides[n][d - 1] == arrays[n]->strides[k] * shape[k];
        if (mergeable) {
            out->shape[d - 1] *= shape[k];
            for (int n = 0; n < narrays; n++)
                out->strides[n][d - 1] = arrays[n]->strides[k];
            continue;
        }
        out->shape[d] = shape[k];
        for (int n = 0; n < narrays; n++)
            out->strides[n][d] = arrays[n]->strides[k];
        out->ndim++;
    }
}

void nda__iterate(int narrays, nda_array *const *arrays, int ndim, const ptrdiff_t *shape,
                  nda__visit3 visit, void *ctx)
{
    for (int k = 0; k < ndim; k++)
        if (shape[k] == 0)
            return;
    loop_layout L;
    build_layout(narrays, arrays, ndim, shape, &L);
    char *ptrs[3];
    for (int n = 0; n < narrays; n++)
        ptrs[n] = arrays[n]->data;
    if (L.ndim == 0) {
        ptrdiff_t unit[3] = {0, 0, 0};
        visit(ptrs, 1, unit, ctx);
        return;
    }
    int inner = L.ndim - 1;
    ptrdiff_t inner_strides[3];
    for (int n = 0; n < narrays; n++)
        inner_strides[n] = L.strides[n][inner];
    ptrdiff_t index[NDA_MAXDIMS] = {0};
    for (;;) {
        visit(ptrs, L.shape[inner], inner_strides, ctx);
        int k = inner - 1;
        for (; k >= 0; k--) {
            for (int n = 0; n < narrays; n++)
                ptrs[n] += L.strides[n][k];
            if (++index[k] < L.shape[k])
                break;
            for (int n = 0; n < narrays; n++)
                ptrs[n] -= L.strides[n][k] * L.shape[k];
            index[k] = 0;
        }
        if (k < 0)
            return;
    }
}

typedef struct {
    nda_dtype dst_dtype, src_dtype;
} copy_ctx;

#define STRIDED_COPY(type)                                                                         \
    static void copy_##type(char *d, ptrdiff_t ds, const char *s, ptrdiff_t ss, ptrdiff_t n)       \
    {                                                                                              \
        for (ptrdiff_t i = 0; i < n; i++, d += ds, s += ss)                                        \
            memcpy(d, s, sizeof(type));                                                            \
    }
STRIDED_COPY(uint64_t)
STRIDED_COPY(uint32_t)
STRIDED_COPY(uint8_t)

static void copy_run(char *const *ptrs, ptrdiff_t n, const ptrdiff_t *st, void *vctx)
{
    const copy_ctx *ctx = vctx;
    char *d = ptrs[0];
    const char *s = ptrs[1];
    if (ctx->dst_dtype != ctx->src_dtype) {
        for (ptrdiff_t i = 0; i < n; i++, d += st[0], s += st[1])
            nda__store(ctx->dst_dtype, d, nda__load(ctx->src_dtype, s));
        return;
    }
    size_t itemsize = nda_itemsize(ctx->dst_dtype);
    if (st[0] == (ptrdiff_t)itemsize && st[1] == (ptrdiff_t)itemsize) {
        memcpy(d, s, (size_t)n * itemsize);
        return;
    }
    if (itemsize == 8)
        copy_uint64_t(d, st[0], s, st[1], n);
    else if (itemsize == 4)
        copy_uint32_t(d, st[0], s, st[1], n);
    else
        copy_uint8_t(d, st[0], s, st[1], n);
}

/* Square tiles keep both the strided reads and the writes of a 2-D transposing copy in cache. */
enum { TILE = 32 };

static bool copy_tiled_2d(nda_array *dst, const nda_array *src)
{
    if (dst->ndim != 2 || dst->dtype != src->dtype)
        return false;
    ptrdiff_t item = (ptrdiff_t)nda_itemsize(dst->dtype);
    ptrdiff_t rows = dst->shape[0], cols = dst->shape[1];
    bool dst_rows = dst->strides[1] == item, src_cols = src->strides[0] == item;
    if (!dst_rows || !src_cols || rows < TILE || cols < TILE)
        return false;
    copy_ctx ctx = {dst->dtype, src->dtype};
    for (ptrdiff_t i0 = 0; i0 < rows; i0 += TILE) {
        ptrdiff_t i1 = i0 + TILE < rows ? i0 + TILE : rows;
        for (ptrdiff_t j0 = 0; j0 < cols; j0 += TILE) {
            ptrdiff_t j1 = j0 + TILE < cols ? j0 + TILE : cols;
            for (ptrdiff_t i = i0; i < i1; i++) {
                char *ptrs[2] = {dst->data + i * dst->strides[0] + j0 * dst->strides[1],
                                 src->data + i * src->strides[0] + j0 * src->strides[1]};
                ptrdiff_t st[2] = {dst->strides[1], src->strides[1]};
                copy_run(ptrs, j1 - j0, st, &ctx);
            }
        }
    }
    return true;
}

void nda__copy_elements(nda_array *dst, const nda_array *src)
{
    if (copy_tiled_2d(dst, src))
        return;
    nda_array *arrays[2] = {dst, (nda_array *)src};
    copy_ctx ctx = {dst->dtype, src->dtype};
    nda__iterate(2, arrays, dst->ndim, dst->shape, copy_run, &ctx);
}
