/* Slicing arithmetic: random shapes and dtypes, then sequences of slice / index / row / col /
 * transpose / diagonal / reshape / ravel / ascontiguous / broadcast_to / as_strided / copy /
 * release on the arrays made so far. Each result is checked against a reference model kept
 * here (for every element, the index of the original element it shows, computed with Python's
 * slice rules independently of the runtime): same shape, the same values element by element,
 * every element inside the original memory (ASan sees any read outside), NULL exactly when the
 * model says the call is invalid. */
#include "fuzz_input.h"

#include <nda.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

enum { MAX_ELEMS = 4096, MAX_LIVE = 8 };

#define CHECK(cond, ...)                                                                           \
    do {                                                                                           \
        if (!(cond)) {                                                                             \
            fprintf(stderr, "fuzz_slice: " __VA_ARGS__);                                           \
            fprintf(stderr, " [nda: %s]\n", nda_last_error());                                     \
            abort();                                                                               \
        }                                                                                          \
    } while (0)

typedef struct {
    nda_array *a;
    int ndim;
    ptrdiff_t shape[NDA_MAXDIMS];
    ptrdiff_t size;
    ptrdiff_t *flat; /* element i (C order) shows the original's element flat[i] */
    bool view;       /* of the original's memory (not a copy) */
} live;

static nda_dtype dtype;
static ptrdiff_t original_size;
static nda_array *original; /* a reference of our own to the first array */

static double expected_value(ptrdiff_t flat)
{
    return dtype == NDA_UINT8 ? (double)(flat % 256) : (double)flat;
}

static ptrdiff_t product(int ndim, const ptrdiff_t *shape)
{
    for (int k = 0; k < ndim; k++)
        if (shape[k] == 0)
            return 0; /* empty, whatever the other axes: their partial product may be huge */
    __int128 n = 1;
    for (int k = 0; k < ndim; k++) {
        n *= shape[k];
        if (n > MAX_ELEMS)
            return -1;
    }
    return (ptrdiff_t)n;
}

/* Next multi-index in C order; false after the last. */
static bool next_index(int ndim, const ptrdiff_t *shape, ptrdiff_t *idx)
{
    int k = ndim - 1;
    while (k >= 0 && ++idx[k] == shape[k])
        idx[k--] = 0;
    return k >= 0;
}

static ptrdiff_t c_offset(int ndim, const ptrdiff_t *shape, const ptrdiff_t *idx)
{
    ptrdiff_t off = 0;
    for (int k = 0; k < ndim; k++)
        off = off * shape[k] + idx[k];
    return off;
}

/* Checks an array against its model, element by element. */
static void verify(const live *v, const char *what)
{
    CHECK(nda_ndim(v->a) == v->ndim, "%s: ndim %d, expected %d", what, nda_ndim(v->a), v->ndim);
    for (int k = 0; k < v->ndim; k++)
        CHECK(nda_shape(v->a)[k] == v->shape[k], "%s: axis %d has length %td, expected %td", what,
              k, nda_shape(v->a)[k], v->shape[k]);
    CHECK(nda_size(v->a) == v->size, "%s: size %td, expected %td", what, nda_size(v->a), v->size);
    if (v->size == 0)
        return;
    ptrdiff_t idx[NDA_MAXDIMS] = {0};
    ptrdiff_t i = 0;
    do {
        double got = nda_get(v->a, idx);
        CHECK(nda_last_status() == NDA_OK, "%s: element %td cannot be read", what, i);
        CHECK(got == expected_value(v->flat[i]), "%s: element %td is %g, expected %g", what, i, got,
              expected_value(v->flat[i]));
        i++;
    } while (next_index(v->ndim, v->shape, idx));
}

/* The model of an array of shape (ndim, shape) whose element idx shows src's element map(idx). */
typedef void (*index_map)(const ptrdiff_t *idx, ptrdiff_t *src_idx, const void *ctx);

static bool model(live *out, const live *src, int ndim, const ptrdiff_t *shape, index_map map,
                  const void *ctx)
{
    ptrdiff_t size = product(ndim, shape);
    if (size < 0)
        return false;
    out->ndim = ndim;
    memcpy(out->shape, shape, sizeof out->shape);
    out->size = size;
    out->flat = calloc((size_t)size + 1, sizeof *out->flat);
    out->view = src->view;
    ptrdiff_t idx[NDA_MAXDIMS] = {0}, from[NDA_MAXDIMS] = {0};
    for (ptrdiff_t i = 0; i < size; i++) {
        map(idx, from, ctx);
        out->flat[i] = src->flat[c_offset(src->ndim, src->shape, from)];
        next_index(ndim, shape, idx);
    }
    return true;
}

/* ---- the operations' models -------------------------------------------------------------- */

typedef struct {
    int axis, ndim;
    const ptrdiff_t *pos; /* slice: the source positions along axis */
    ptrdiff_t fixed;      /* index: the chosen position */
    int lead;             /* broadcast: new leading axes */
    const ptrdiff_t *src_shape;
} map_ctx;

static void map_slice(const ptrdiff_t *idx, ptrdiff_t *from, const void *vctx)
{
    const map_ctx *c = vctx;
    memcpy(from, idx, sizeof(ptrdiff_t) * NDA_MAXDIMS);
    from[c->axis] = c->pos[idx[c->axis]];
}

static void map_index(const ptrdiff_t *idx, ptrdiff_t *from, const void *vctx)
{
    const map_ctx *c = vctx;
    for (int k = 0, n = 0; k < c->ndim; k++)
        from[k] = k == c->axis ? c->fixed : idx[n++];
}

static void map_transpose(const ptrdiff_t *idx, ptrdiff_t *from, const void *vctx)
{
    const map_ctx *c = vctx;
    for (int k = 0; k < c->ndim; k++)
        from[k] = idx[c->ndim - 1 - k];
}

static void map_diagonal(const ptrdiff_t *idx, ptrdiff_t *from, const void *vctx)
{
    (void)vctx;
    from[0] = from[1] = idx[0];
}

static void map_broadcast(const ptrdiff_t *idx, ptrdiff_t *from, const void *vctx)
{
    const map_ctx *c = vctx;
    for (int k = 0; k < c->ndim; k++)
        from[k] = c->src_shape[k] == 1 ? 0 : idx[k + c->lead];
}

/* Python's slice(start, stop, step) over length len, by the definition (not the runtime's
 * arithmetic): clip, then walk. Returns the count; positions in pos. */
static ptrdiff_t python_slice(ptrdiff_t len, ptrdiff_t start, ptrdiff_t stop, ptrdiff_t step,
                              ptrdiff_t *pos)
{
    __int128 s = start, e = stop, n = 0;
    if (step > 0) {
        s = s < 0 ? s + len : s;
        s = s < 0 ? 0 : s > len ? len : s;
        e = e < 0 ? e + len : e;
        e = e < 0 ? 0 : e > len ? len : e;
        for (__int128 i = s; i < e; i += step)
            pos[n++] = (ptrdiff_t)i;
    } else {
        s = s < 0 ? s + len : s;
        s = s < 0 ? -1 : s >= len ? len - 1 : s;
        if (stop == NDA_END) {
            e = -1;
        } else {
            e = e < 0 ? e + len : e;
            e = e < 0 ? -1 : e >= len ? len - 1 : e;
        }
        for (__int128 i = s; i > e; i += step)
            pos[n++] = (ptrdiff_t)i;
    }
    return (ptrdiff_t)n;
}

static ptrdiff_t bound(fuzz_input *in, ptrdiff_t len)
{
    switch (fuzz_below(in, 12)) {
    case 0:
        return NDA_END;
    case 1:
        return PTRDIFF_MIN;
    case 2:
        return len;
    case 3:
        return -len;
    case 4:
        return len + 1;
    case 5:
        return -len - 1;
    case 6:
        return (ptrdiff_t)fuzz_i64(in);
    default:
        return fuzz_range(in, -8, 8);
    }
}

static ptrdiff_t step_value(fuzz_input *in)
{
    switch (fuzz_below(in, 10)) {
    case 0:
        return 0;
    case 1:
        return PTRDIFF_MIN;
    case 2:
        return PTRDIFF_MAX;
    case 3:
        return PTRDIFF_MIN + 1;
    case 4:
        return (ptrdiff_t)fuzz_i64(in);
    default:
        return fuzz_below(in, 2) ? fuzz_range(in, 1, 4) : -fuzz_range(in, 1, 4);
    }
}

/* Expects a result (or NULL) as the model says; records it among the live arrays. */
static void settle(live *lives, int *nlive, nda_array *got, live *m, bool valid, const char *what)
{
    if (!valid) {
        CHECK(!got, "%s succeeded, the model says it is invalid", what);
        CHECK(nda_last_status() != NDA_OK, "%s failed without a status", what);
        free(m->flat);
        return;
    }
    CHECK(got, "%s failed, the model says it is valid", what);
    m->a = got;
    if (m->view && m->size > 0 && !nda_may_share_memory(got, original))
        m->view = false; /* a maybe-view that copied */
    verify(m, what);
    if (*nlive < MAX_LIVE) {
        lives[(*nlive)++] = *m;
    } else {
        nda_release(got);
        free(m->flat);
    }
}

static void step(fuzz_input *in, live *lives, int *nlive)
{
    live *s = &lives[fuzz_below(in, (unsigned)*nlive)];
    live m = {0};
    int axis = (int)fuzz_below(in, (unsigned)s->ndim + 1); /* ndim itself: an invalid axis */
    bool axis_ok = axis < s->ndim;
    ptrdiff_t len = axis_ok ? s->shape[axis] : 0;
    map_ctx c = {.axis = axis, .ndim = s->ndim, .src_shape = s->shape};
    ptrdiff_t shape[NDA_MAXDIMS] = {0};
    int item = (int)nda_itemsize(dtype);
    switch (fuzz_below(in, 13)) {
    case 0: { /* slice */
        ptrdiff_t start = bound(in, len), stop = bound(in, len), st = step_value(in);
        static ptrdiff_t pos[MAX_ELEMS + 1];
        bool ok = axis_ok && st != 0 && st != PTRDIFF_MIN;
        ptrdiff_t n = ok ? python_slice(len, start, stop, st, pos) : 0, product_stride;
        /* a non-empty result whose new stride overflows must be refused */
        if (ok && n > 0 && __builtin_mul_overflow(nda_strides(s->a)[axis], st, &product_stride))
            ok = false;
        memcpy(shape, s->shape, sizeof shape);
        if (axis_ok)
            shape[axis] = n;
        c.pos = pos;
        nda_array *got = nda_slice(s->a, axis, start, stop, st);
        if (ok && !model(&m, s, s->ndim, shape, map_slice, &c)) {
            nda_release(got);
            return;
        }
        settle(lives, nlive, got, &m, ok, "nda_slice");
        return;
    }
    case 1: { /* index */
        ptrdiff_t i = fuzz_below(in, 4) ? fuzz_range(in, -len - 2, len + 1) : bound(in, len);
        ptrdiff_t k = i < 0 ? i + len : i;
        bool ok = axis_ok && k >= 0 && k < len;
        for (int a = 0, n = 0; a < s->ndim; a++)
            if (a != axis)
                shape[n++] = s->shape[a];
        c.fixed = k;
        nda_array *got = nda_index(s->a, axis, i);
        if (ok)
            model(&m, s, s->ndim - 1, shape, map_index, &c);
        settle(lives, nlive, got, &m, ok, "nda_index");
        return;
    }
    case 2: { /* row or column */
        bool col = fuzz_below(in, 2);
        ptrdiff_t n = s->ndim == 2 ? s->shape[col ? 1 : 0] : 0;
        ptrdiff_t i = fuzz_range(in, -n - 1, n);
        ptrdiff_t k = i < 0 ? i + n : i;
        bool ok = s->ndim == 2 && k >= 0 && k < n;
        c.axis = col;
        c.fixed = k;
        if (s->ndim == 2)
            shape[0] = s->shape[col ? 0 : 1];
        nda_array *got = col ? nda_col(s->a, i) : nda_row(s->a, i);
        if (ok)
            model(&m, s, 1, shape, map_index, &c);
        settle(lives, nlive, got, &m, ok, col ? "nda_col" : "nda_row");
        return;
    }
    case 3: /* transpose */
        for (int k = 0; k < s->ndim; k++)
            shape[k] = s->shape[s->ndim - 1 - k];
        model(&m, s, s->ndim, shape, map_transpose, &c);
        settle(lives, nlive, nda_transpose(s->a), &m, true, "nda_transpose");
        return;
    case 4: { /* diagonal: the runtime refuses a stride sum that overflows, even for a single
               * element (tests/runtime/unit/test_overflow.c, a 1x1 view of huge strides) */
        ptrdiff_t sum;
        bool ok = s->ndim == 2 &&
                  !__builtin_add_overflow(nda_strides(s->a)[0], nda_strides(s->a)[1], &sum);
        if (ok)
            shape[0] = s->shape[0] < s->shape[1] ? s->shape[0] : s->shape[1];
        if (ok)
            model(&m, s, 1, shape, map_diagonal, &c);
        settle(lives, nlive, nda_diagonal(s->a), &m, ok, "nda_diagonal");
        return;
    }
    case 5:
    case 6: { /* reshape: usually a factorization of the size, sometimes with -1, or wrong */
        int ndim = (int)fuzz_below(in, 5);
        ptrdiff_t rest = s->size, known = 1;
        for (int k = 0; k < ndim; k++) {
            ptrdiff_t f = 1;
            for (ptrdiff_t d = fuzz_range(in, 1, 6); d > 1; d--)
                if (rest % d == 0) {
                    f = d;
                    break;
                }
            shape[k] = k == ndim - 1 ? rest : f;
            rest /= f;
        }
        if (ndim == 0 && s->size != 1)
            ndim = 1, shape[0] = s->size;
        ptrdiff_t request[NDA_MAXDIMS]; /* what is asked; shape becomes the model's answer */
        memcpy(request, shape, sizeof request);
        if (fuzz_below(in, 3) == 0 && ndim)
            request[fuzz_below(in, (unsigned)ndim)] = -1;
        if (fuzz_below(in, 5) == 0 && ndim)
            request[fuzz_below(in, (unsigned)ndim)] = fuzz_range(in, -2, 7); /* often wrong */
        /* the model: one -1 entry is inferred (a second is an error), the sizes must agree */
        int unknown = -1;
        bool ok = true;
        for (int k = 0; k < ndim; k++) {
            shape[k] = request[k];
            if (request[k] == -1 && unknown < 0)
                unknown = k;
            else if (request[k] < 0)
                ok = false;
            else
                known *= request[k];
        }
        if (ok && unknown >= 0) {
            ok = known != 0 && s->size % known == 0;
            if (ok)
                shape[unknown] = s->size / known;
        }
        ok = ok && product(ndim, shape) == s->size;
        nda_array *got = nda_reshape(s->a, ndim, request);
        if (ok) { /* same elements in C order */
            m.ndim = ndim;
            memcpy(m.shape, shape, sizeof m.shape);
            m.size = s->size;
            m.flat = malloc(((size_t)s->size + 1) * sizeof *m.flat);
            memcpy(m.flat, s->flat, (size_t)s->size * sizeof *m.flat);
            m.view = s->view;
        }
        settle(lives, nlive, got, &m, ok, "nda_reshape");
        return;
    }
    case 7:
    case 8: { /* ravel, ascontiguous: the same elements */
        bool ravel = fuzz_below(in, 2);
        m.ndim = ravel ? 1 : s->ndim;
        memcpy(m.shape, s->shape, sizeof m.shape);
        if (ravel)
            m.shape[0] = s->size;
        m.size = s->size;
        m.flat = malloc(((size_t)s->size + 1) * sizeof *m.flat);
        memcpy(m.flat, s->flat, (size_t)s->size * sizeof *m.flat);
        m.view = s->view;
        settle(lives, nlive, ravel ? nda_ravel(s->a) : nda_ascontiguous(s->a), &m, true,
               ravel ? "nda_ravel" : "nda_ascontiguous");
        return;
    }
    case 9: { /* broadcast_to */
        int lead = (int)fuzz_below(in, 3);
        int ndim = s->ndim + lead;
        if (ndim > NDA_MAXDIMS)
            return;
        bool ok = true;
        for (int k = 0; k < lead; k++)
            shape[k] = fuzz_below(in, 4);
        for (int k = 0; k < s->ndim; k++) {
            ptrdiff_t have = s->shape[k];
            ptrdiff_t want = have == 1 || fuzz_below(in, 6) == 0 ? fuzz_below(in, 4) : have;
            shape[lead + k] = want;
            ok = ok && (have == want || have == 1);
        }
        if (product(ndim, shape) < 0)
            return;
        c.lead = lead;
        nda_array *got = nda_broadcast_to(s->a, ndim, shape);
        if (ok)
            model(&m, s, ndim, shape, map_broadcast, &c);
        settle(lives, nlive, got, &m, ok, "nda_broadcast_to");
        return;
    }
    case 10: { /* as_strided, in whole elements, of a view of the original */
        if (!s->view || s->size == 0)
            return;
        int ndim = (int)fuzz_below(in, 4);
        ptrdiff_t strides[NDA_MAXDIMS], step_el[NDA_MAXDIMS];
        for (int k = 0; k < ndim; k++) {
            shape[k] = fuzz_below(in, 5);
            step_el[k] = fuzz_range(in, -4, 4);
            strides[k] = step_el[k] * item;
        }
        ptrdiff_t size = product(ndim, shape);
        bool ok = true;
        m.ndim = ndim;
        memcpy(m.shape, shape, sizeof m.shape);
        m.size = size;
        m.flat = calloc((size_t)size + 1, sizeof *m.flat);
        m.view = true;
        ptrdiff_t idx[NDA_MAXDIMS] = {0};
        for (ptrdiff_t i = 0; i < size; i++) {
            ptrdiff_t f = s->flat[0];
            for (int k = 0; k < ndim; k++)
                f += idx[k] * step_el[k];
            ok = ok && f >= 0 && f < original_size;
            m.flat[i] = f;
            next_index(ndim, shape, idx);
        }
        settle(lives, nlive, nda_as_strided(s->a, ndim, shape, strides), &m, ok, "nda_as_strided");
        return;
    }
    case 11: { /* copy: fresh memory, the same values */
        m.ndim = s->ndim;
        memcpy(m.shape, s->shape, sizeof m.shape);
        m.size = s->size;
        m.flat = malloc(((size_t)s->size + 1) * sizeof *m.flat);
        memcpy(m.flat, s->flat, (size_t)s->size * sizeof *m.flat);
        m.view = false;
        settle(lives, nlive, nda_copy(s->a), &m, true, "nda_copy");
        return;
    }
    default: /* release one (the views of it keep its memory alive) */
        if (*nlive > 1) {
            int k = (int)(s - lives);
            nda_release(s->a);
            free(s->flat);
            lives[k] = lives[--*nlive];
        }
        return;
    }
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    fuzz_input in = {data, size};
    dtype = (nda_dtype)fuzz_below(&in, 5);
    live lives[MAX_LIVE];
    int nlive = 1;
    live *o = &lives[0];
    memset(o, 0, sizeof *o);
    o->ndim = (int)fuzz_below(&in, 5);
    for (int k = 0; k < o->ndim; k++)
        o->shape[k] = fuzz_below(&in, 6);
    o->size = original_size = product(o->ndim, o->shape);
    o->flat = calloc((size_t)o->size + 1, sizeof *o->flat);
    double *values = calloc((size_t)o->size + 1, sizeof *values);
    for (ptrdiff_t i = 0; i < o->size; i++) {
        o->flat[i] = i;
        values[i] = expected_value(i);
    }
    o->view = true;
    o->a = nda_from_values(dtype, o->ndim, o->shape, values);
    free(values);
    CHECK(o->a, "nda_from_values failed");
    original = nda_retain(o->a);
    verify(o, "the original");
    for (int n = (int)fuzz_range(&in, 1, 16); n > 0 && in.n > 0; n--)
        step(&in, lives, &nlive);
    for (int i = 0; i < nlive; i++) {
        nda_release(lives[i].a);
        free(lives[i].flat);
    }
    nda_release(original);
    return 0;
}
