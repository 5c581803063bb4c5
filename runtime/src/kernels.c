/* Element-wise kernels and reductions. */
#include "nda_internal.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

enum { OVERLAP_WORK = 1 << 20 };

static bool same_shape(const nda_array *a, const nda_array *b)
{
    return a->ndim == b->ndim &&
           memcmp(a->shape, b->shape, (size_t)a->ndim * sizeof(ptrdiff_t)) == 0;
}

static nda_status check_writeable(const char *fn, const nda_array *a)
{
    if (!a->writeable)
        return nda__fail(NDA_EREADONLY, "%s: the output array is read-only", fn);
    return NDA_OK;
}

static nda_status check_shapes(const char *fn, const nda_array *out, const nda_array *in,
                               const char *in_name)
{
    if (!same_shape(out, in))
        return nda__fail(NDA_ESHAPE, "%s: '%s' has a different shape from the output", fn, in_name);
    return NDA_OK;
}

/* The output may be identical to an input, never otherwise overlap it. */
static nda_status check_overlap(const char *fn, const nda_array *out, const nda_array *in,
                                const char *in_name)
{
    if (nda__identical_layout(out, in))
        return NDA_OK;
    nda_overlap o = nda_shares_memory(out, in, OVERLAP_WORK);
    if (o == NDA_OVERLAP_NO)
        return NDA_OK;
    return nda__fail(NDA_EOVERLAP, "%s: the output %s '%s' without being identical to it", fn,
                     o == NDA_OVERLAP_YES ? "partially overlaps" : "may overlap", in_name);
}

typedef enum { OP_ADD, OP_SUB, OP_MUL, OP_DIV, OP_AXPY } binary_op;

typedef struct {
    binary_op op;
    double alpha;
    nda_dtype dt[3];
} binary_ctx;

static double apply(binary_op op, double alpha, double x, double y)
{
    switch (op) {
    case OP_ADD:
        return x + y;
    case OP_SUB:
        return x - y;
    case OP_MUL:
        return x * y;
    case OP_DIV:
        return x / y;
    case OP_AXPY:
        return x + alpha * y;
    }
    return NAN;
}

static void binary_run_f64(char *const *p, ptrdiff_t n, const ptrdiff_t *st, binary_op op,
                           double alpha)
{
    char *o = p[0];
    const char *x = p[1], *y = p[2];
    for (ptrdiff_t i = 0; i < n; i++, o += st[0], x += st[1], y += st[2]) {
        double xv, yv, r;
        memcpy(&xv, x, sizeof xv);
        memcpy(&yv, y, sizeof yv);
        r = apply(op, alpha, xv, yv);
        memcpy(o, &r, sizeof r);
    }
}

static void binary_run(char *const *p, ptrdiff_t n, const ptrdiff_t *st, void *vctx)
{
    const binary_ctx *c = vctx;
    if (c->dt[0] == NDA_FLOAT64 && c->dt[1] == NDA_FLOAT64 && c->dt[2] == NDA_FLOAT64) {
        binary_run_f64(p, n, st, c->op, c->alpha);
        return;
    }
    char *o = p[0];
    const char *x = p[1], *y = p[2];
    for (ptrdiff_t i = 0; i < n; i++, o += st[0], x += st[1], y += st[2])
        nda__store(c->dt[0], o,
                   apply(c->op, c->alpha, nda__load(c->dt[1], x), nda__load(c->dt[2], y)));
}

static nda_status binary(const char *fn, binary_op op, double alpha, nda_array *out,
                         const nda_array *x, const char *xname, const nda_array *y,
                         const char *yname)
{
    if (!out || !x || !y)
        return nda__fail(NDA_EINVAL, "%s: an array argument is NULL", fn);
    nda_status s;
    if ((s = check_shapes(fn, out, x, xname)) || (s = check_shapes(fn, out, y, yname)) ||
        (s = check_writeable(fn, out)) || (s = check_overlap(fn, out, x, xname)) ||
        (s = check_overlap(fn, out, y, yname)))
        return s;
    binary_ctx ctx = {op, alpha, {out->dtype, x->dtype, y->dtype}};
    nda_array *arrays[3] = {out, (nda_array *)x, (nda_array *)y};
    nda__iterate(3, arrays, out->ndim, out->shape, binary_run, &ctx);
    nda__succeed();
    return NDA_OK;
}

nda_status nda_add(nda_array *out, const nda_array *x, const nda_array *y)
{
    return binary("nda_add", OP_ADD, 0, out, x, "x", y, "y");
}

nda_status nda_sub(nda_array *out, const nda_array *x, const nda_array *y)
{
    return binary("nda_sub", OP_SUB, 0, out, x, "x", y, "y");
}

nda_status nda_mul(nda_array *out, const nda_array *x, const nda_array *y)
{
    return binary("nda_mul", OP_MUL, 0, out, x, "x", y, "y");
}

nda_status nda_div(nda_array *out, const nda_array *x, const nda_array *y)
{
    return binary("nda_div", OP_DIV, 0, out, x, "x", y, "y");
}

nda_status nda_axpy(nda_array *y, double alpha, const nda_array *x)
{
    return binary("nda_axpy", OP_AXPY, alpha, y, y, "y", x, "x");
}

typedef struct {
    double value;
    nda_dtype dt;
} unary_ctx;

static void fill_run(char *const *p, ptrdiff_t n, const ptrdiff_t *st, void *vctx)
{
    const unary_ctx *c = vctx;
    char *o = p[0];
    for (ptrdiff_t i = 0; i < n; i++, o += st[0])
        nda__store(c->dt, o, c->value);
}

static void scale_run(char *const *p, ptrdiff_t n, const ptrdiff_t *st, void *vctx)
{
    const unary_ctx *c = vctx;
    char *o = p[0];
    for (ptrdiff_t i = 0; i < n; i++, o += st[0])
        nda__store(c->dt, o, nda__load(c->dt, o) * c->value);
}

static nda_status unary(const char *fn, nda_array *a, double value, nda__visit3 visit)
{
    NDA_CHECK_ARRAY(fn, a, NDA_EINVAL);
    nda_status s = check_writeable(fn, a);
    if (s)
        return s;
    unary_ctx ctx = {value, a->dtype};
    nda__iterate(1, &a, a->ndim, a->shape, visit, &ctx);
    nda__succeed();
    return NDA_OK;
}

nda_status nda_fill(nda_array *a, double v)
{
    return unary("nda_fill", a, v, fill_run);
}

nda_status nda_scale(nda_array *a, double s)
{
    return unary("nda_scale", a, s, scale_run);
}

nda_status nda_copyto(nda_array *dst, const nda_array *src)
{
    if (!dst || !src)
        return nda__fail(NDA_EINVAL, "nda_copyto: an array argument is NULL");
    nda_status s;
    if ((s = check_shapes("nda_copyto", dst, src, "src")) ||
        (s = check_writeable("nda_copyto", dst)))
        return s;
    if (nda__identical_layout(dst, src)) {
        nda__succeed();
        return NDA_OK;
    }
    if (!nda_may_share_memory(dst, src)) {
        nda__copy_elements(dst, src);
        nda__succeed();
        return NDA_OK;
    }
    nda_array *tmp = nda_copy(src);
    if (!tmp)
        return nda_last_status();
    nda__copy_elements(dst, tmp);
    nda_release(tmp);
    nda__succeed();
    return NDA_OK;
}

typedef struct {
    double sum;
    nda_dtype dt[2];
} reduce_ctx;

static void sum_run(char *const *p, ptrdiff_t n, const ptrdiff_t *st, void *vctx)
{
    reduce_ctx *c = vctx;
    const char *x = p[0];
    for (ptrdiff_t i = 0; i < n; i++, x += st[0])
        c->sum += nda__load(c->dt[0], x);
}

static void dot_run(char *const *p, ptrdiff_t n, const ptrdiff_t *st, void *vctx)
{
    reduce_ctx *c = vctx;
    const char *x = p[0], *y = p[1];
    for (ptrdiff_t i = 0; i < n; i++, x += st[0], y += st[1])
        c->sum += nda__load(c->dt[0], x) * nda__load(c->dt[1], y);
}

double nda_sum(const nda_array *a)
{
    NDA_CHECK_ARRAY("nda_sum", a, NAN);
    reduce_ctx ctx = {0, {a->dtype, a->dtype}};
    nda_array *arrays[1] = {(nda_array *)a};
    nda__iterate(1, arrays, a->ndim, a->shape, sum_run, &ctx);
    nda__succeed();
    return ctx.sum;
}

double nda_dot(const nda_array *x, const nda_array *y)
{
    if (!x || !y) {
        nda__fail(NDA_EINVAL, "nda_dot: an array argument is NULL");
        return NAN;
    }
    if (check_shapes("nda_dot", x, y, "y") != NDA_OK)
        return NAN;
    reduce_ctx ctx = {0, {x->dtype, y->dtype}};
    nda_array *arrays[2] = {(nda_array *)x, (nda_array *)y};
    nda__iterate(2, arrays, x->ndim, x->shape, dot_run, &ctx);
    nda__succeed();
    return ctx.sum;
}
