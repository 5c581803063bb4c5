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

/* One strided run of n elements. A contiguous destination (every copy into a fresh array) gets
 * a loop unrolled by four, so that four independent loads are in flight per iteration; for items
 * narrower than 8 bytes a step-2 source (a[::2]) gets a loop with a constant stride, which the
 * compiler vectorizes with shuffles (2x faster for uint8, 15% for 4-byte items, none for 8). */
#define STRIDED_COPY(type, vector_step2)                                                           \
    static void copy_##type(char *d, ptrdiff_t ds, const char *s, ptrdiff_t ss, ptrdiff_t n)       \
    {                                                                                              \
        const size_t z = sizeof(type);                                                             \
        if (vector_step2 && ds == (ptrdiff_t)z && ss == 2 * (ptrdiff_t)z) {                        \
            for (ptrdiff_t i = 0; i < n; i++)                                                      \
                memcpy(d + (size_t)i * z, s + 2 * (size_t)i * z, z);                               \
            return;                                                                                \
        }                                                                                          \
        if (ds == (ptrdiff_t)z) {                                                                  \
            for (; n >= 4; n -= 4, d += 4 * z, s += 4 * ss) {                                      \
                type v0, v1, v2, v3;                                                               \
                memcpy(&v0, s, z);                                                                 \
                memcpy(&v1, s + ss, z);                                                            \
                memcpy(&v2, s + 2 * ss, z);                                                        \
                memcpy(&v3, s + 3 * ss, z);                                                        \
                memcpy(d, &v0, z);                                                                 \
                memcpy(d + z, &v1, z);                                                             \
                memcpy(d + 2 * z, &v2, z);                                                         \
                memcpy(d + 3 * z, &v3, z);                                                         \
            }                                                                                      \
        }                                                                                          \
        for (ptrdiff_t i = 0; i < n; i++, d += ds, s += ss)                                        \
            memcpy(d, s, z);                                                                       \
    }
STRIDED_COPY(uint64_t, false)
STRIDED_COPY(uint32_t, true)
STRIDED_COPY(uint8_t, true)

static void copy_run(char *const *ptrs, ptrdiff_t n, const ptrdiff_t *st, void *vctx)
{
    const copy_ctx *ctx = vctx;
    char *d = ptrs[0];
    const char *s = ptrs[1];
    if (ctx->dst_dtype != ctx->src_dtype) {
        for (ptrdiff_t i = 0; i < n; i++, d += st[0], s += st[1])
            nda__convert(ctx->dst_dtype, d, ctx->src_dtype, s);
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

/* Transposing copies: the destination's rows are contiguous, but along them the source jumps by
 * a large stride while another axis of the source has a small one (a.T, a.T[::2], axes reversed
 * in n-D). Walking one destination row at a time would read a whole cache line of the source
 * for each element and use it again only a row later, long after eviction when the stride is a
 * large power of two. Instead STRIP destination rows are written together: for each column the
 * STRIP source elements sit side by side in one or two cache lines, each destination row is
 * still written sequentially, and nothing needs to stay in cache longer than one column. */
enum { STRIP = 8 };

#define STRIP_COPY(type)                                                                           \
    static void strip_##type(char *d, ptrdiff_t d_row, const char *s, ptrdiff_t s_row,             \
                             ptrdiff_t s_col, ptrdiff_t rows, ptrdiff_t cols)                      \
    {                                                                                              \
        const size_t z = sizeof(type);                                                             \
        ptrdiff_t i = 0;                                                                           \
        for (; i + STRIP <= rows; i += STRIP, d += STRIP * d_row, s += STRIP * s_row) {            \
            char *dj = d;                                                                          \
            const char *sj = s;                                                                    \
            for (ptrdiff_t j = 0; j < cols; j++, dj += z, sj += s_col)                             \
                for (int r = 0; r < STRIP; r++)                                                    \
                    memcpy(dj + r * d_row, sj + r * s_row, z);                                     \
        }                                                                                          \
        ptrdiff_t left = rows - i;                                                                 \
        for (ptrdiff_t j = 0; j < cols; j++, d += z, s += s_col)                                   \
            for (ptrdiff_t r = 0; r < left; r++)                                                   \
                memcpy(d + r * d_row, s + r * s_row, z);                                           \
    }
STRIP_COPY(uint64_t)
STRIP_COPY(uint32_t)
STRIP_COPY(uint8_t)

static bool copy_strips(nda_array *dst, const nda_array *src)
{
    if (dst->dtype != src->dtype)
        return false;
    for (int k = 0; k < dst->ndim; k++)
        if (dst->shape[k] == 0)
            return false;
    nda_array *arrays[2] = {dst, (nda_array *)src};
    loop_layout L;
    build_layout(2, arrays, dst->ndim, dst->shape, &L);
    if (L.ndim < 2)
        return false;
    int inner = L.ndim - 1;
    ptrdiff_t item = (ptrdiff_t)nda_itemsize(dst->dtype);
    ptrdiff_t s_col = L.strides[1][inner];
    ptrdiff_t far = s_col < 0 ? -s_col : s_col;
    if (L.strides[0][inner] != item || far <= item)
        return false;
    /* The strip axis: the source's smallest nonzero stride, if smaller than the inner one. */
    int strip = -1;
    ptrdiff_t nearest = far;
    for (int k = 0; k < inner; k++) {
        ptrdiff_t a = L.strides[1][k] < 0 ? -L.strides[1][k] : L.strides[1][k];
        if (a != 0 && a < nearest)
            nearest = a, strip = k;
    }
    if (strip < 0)
        return false;
    /* Every other outer axis is walked by an index counter; each step copies one 2-D plane. */
    ptrdiff_t index[NDA_MAXDIMS] = {0};
    char *d = dst->data;
    const char *s = src->data;
    ptrdiff_t d_row = L.strides[0][strip], s_row = L.strides[1][strip];
    ptrdiff_t rows = L.shape[strip], cols = L.shape[inner];
    for (;;) {
        if (item == 8)
            strip_uint64_t(d, d_row, s, s_row, s_col, rows, cols);
        else if (item == 4)
            strip_uint32_t(d, d_row, s, s_row, s_col, rows, cols);
        else
            strip_uint8_t(d, d_row, s, s_row, s_col, rows, cols);
        int k = inner - 1;
        for (; k >= 0; k--) {
            if (k == strip)
                continue;
            d += L.strides[0][k];
            s += L.strides[1][k];
            if (++index[k] < L.shape[k])
                break;
            d -= L.strides[0][k] * L.shape[k];
            s -= L.strides[1][k] * L.shape[k];
            index[k] = 0;
        }
        if (k < 0)
            return true;
    }
}

void nda__copy_elements(nda_array *dst, const nda_array *src)
{
    if (copy_strips(dst, src))
        return;
    nda_array *arrays[2] = {dst, (nda_array *)src};
    copy_ctx ctx = {dst->dtype, src->dtype};
    nda__iterate(2, arrays, dst->ndim, dst->shape, copy_run, &ctx);
}
