/* Exact memory overlap: do two strided arrays address a common byte?
 *
 * The question is a bounded linear Diophantine equation  sum a_i x_i = b,  0 <= x_i <= ub_i,
 * with one term per axis (a = |stride|, ub = length - 1) and one per array for the bytes inside
 * an element. It is solved as NumPy's mem_overlap.c does: merge equal coefficients, trim bounds
 * to b / a, then a depth-first search over the general solution of the two-variable equations
 * obtained from extended Euclid, pruned by gcd divisibility and bounds, counting the candidates
 * it rejects so that the caller can cap the work. 128-bit intermediates catch overflow. */
#include "nda_internal.h"

#include <stdlib.h>
#include <string.h>

typedef struct {
    int64_t a;  /* coefficient, > 0 */
    int64_t ub; /* upper bound of the variable */
} term;

typedef enum { SOLVED_NO, SOLVED_YES, SOLVED_TOO_HARD, SOLVED_OVERFLOW } solve_result;

typedef __int128 wide;

static int64_t min64(int64_t x, int64_t y)
{
    return x < y ? x : y;
}

static wide floordiv(wide n, int64_t d)
{
    wide q = n / d;
    return (n % d != 0 && ((n < 0) != (d < 0))) ? q - 1 : q;
}

static wide ceildiv(wide n, int64_t d)
{
    wide q = n / d;
    return (n % d != 0 && ((n < 0) == (d < 0))) ? q + 1 : q;
}

static bool fits64(wide v)
{
    return v >= INT64_MIN && v <= INT64_MAX;
}

/* gcd(a1, a2) = gamma * a1 + epsilon * a2 */
static void euclid(int64_t a1, int64_t a2, int64_t *gcd, int64_t *gamma, int64_t *epsilon)
{
    int64_t g1 = 1, g2 = 0, e1 = 0, e2 = 1;
    for (;;) {
        if (a2 == 0) {
            *gcd = a1, *gamma = g1, *epsilon = e1;
            return;
        }
        int64_t r = a1 / a2;
        a1 -= r * a2, g1 -= r * g2, e1 -= r * e2;
        if (a1 == 0) {
            *gcd = a2, *gamma = g2, *epsilon = e2;
            return;
        }
        r = a2 / a1;
        a2 -= r * a1, g2 -= r * g1, e2 -= r * e1;
    }
}

static int by_coefficient_descending(const void *x, const void *y)
{
    int64_t a = ((const term *)x)->a, b = ((const term *)y)->a;
    return (a < b) - (a > b);
}

/* Sorts, merges equal coefficients and drops variables that can only be 0. */
static bool simplify(unsigned *n, term *t, int64_t b)
{
    if (*n == 0)
        return true;
    qsort(t, *n, sizeof *t, by_coefficient_descending);
    unsigned kept = 0;
    for (unsigned j = 1; j < *n; j++) {
        if (t[kept].a == t[j].a) {
            if (__builtin_add_overflow(t[kept].ub, t[j].ub, &t[kept].ub))
                return false;
        } else {
            t[++kept] = t[j];
        }
    }
    *n = kept + 1;
    kept = 0;
    for (unsigned j = 0; j < *n; j++) {
        t[j].ub = min64(t[j].ub, b / t[j].a);
        if (t[j].ub != 0)
            t[kept++] = t[j];
    }
    *n = kept;
    return true;
}

typedef struct {
    unsigned n;
    const term *t;
    term partial[2 * NDA_MAXDIMS + 2]; /* partial[j]: gcd and bound of the first j+2 terms */
    int64_t gamma[2 * NDA_MAXDIMS + 2], epsilon[2 * NDA_MAXDIMS + 2];
    ptrdiff_t max_work, work;
} solver;

static bool precompute(solver *s)
{
    const term *t = s->t;
    for (unsigned j = 1; j < s->n; j++) {
        const term *prev = j == 1 ? &t[0] : &s->partial[j - 2];
        term *cur = &s->partial[j - 1];
        euclid(prev->a, t[j].a, &cur->a, &s->gamma[j - 1], &s->epsilon[j - 1]);
        if (j < s->n - 1) {
            wide ub = (wide)prev->ub * (prev->a / cur->a) + (wide)t[j].ub * (t[j].a / cur->a);
            if (!fits64(ub))
                return false;
            cur->ub = (int64_t)ub;
        }
    }
    return true;
}

static solve_result rejected(solver *s)
{
    s->work++;
    return SOLVED_NO;
}

/* Solves sum_{i<=v} t_i x_i = b by enumerating x_v over the solutions of the two-variable
 * equation  A x' + a_v x_v = b  where A is the gcd of the first v coefficients. */
static solve_result dfs(solver *s, unsigned v, int64_t b)
{
    if (s->max_work >= 0 && s->work >= s->max_work)
        return SOLVED_TOO_HARD;
    const term *first = v == 1 ? &s->t[0] : &s->partial[v - 2];
    int64_t a1 = first->a, u1 = first->ub, a2 = s->t[v].a, u2 = s->t[v].ub;
    int64_t gcd = s->partial[v - 1].a;
    if (b % gcd != 0)
        return rejected(s);
    int64_t c = b / gcd, c1 = a2 / gcd, c2 = a1 / gcd;
    /* x1 = gamma c + c1 t,  x2 = epsilon c - c2 t,  0 <= x1 <= u1,  0 <= x2 <= u2 */
    wide x10 = (wide)s->gamma[v - 1] * c, x20 = (wide)s->epsilon[v - 1] * c;
    wide lo1 = ceildiv(-x10, c1), lo2 = ceildiv(x20 - u2, c2);
    wide hi1 = floordiv(u1 - x10, c1), hi2 = floordiv(x20, c2);
    wide lo = lo1 > lo2 ? lo1 : lo2, hi = hi1 < hi2 ? hi1 : hi2;
    if (lo > hi)
        return rejected(s);
    if (!fits64(lo) || !fits64(hi) || !fits64(x20 - (wide)c2 * lo))
        return SOLVED_OVERFLOW;
    if (v == 1)
        return SOLVED_YES;
    for (wide k = lo; k <= hi; k++) {
        wide xv = x20 - (wide)c2 * k;
        wide rest = (wide)b - (wide)a2 * xv;
        if (!fits64(rest))
            return SOLVED_OVERFLOW;
        solve_result r = dfs(s, v - 1, (int64_t)rest);
        if (r != SOLVED_NO)
            return r;
    }
    return rejected(s);
}

static solve_result solve(unsigned n, const term *t, int64_t b, ptrdiff_t max_work)
{
    if (b < 0)
        return SOLVED_NO;
    if (n == 0)
        return b == 0 ? SOLVED_YES : SOLVED_NO;
    if (n == 1)
        return (b % t[0].a == 0 && b / t[0].a <= t[0].ub) ? SOLVED_YES : SOLVED_NO;
    solver s = {.n = n, .t = t, .max_work = max_work, .work = 0};
    if (!precompute(&s))
        return SOLVED_OVERFLOW;
    return dfs(&s, n - 1, b);
}

static bool add_terms(const nda_array *a, term *t, unsigned *n)
{
    for (int k = 0; k < a->ndim; k++) {
        if (a->shape[k] <= 1 || a->strides[k] == 0)
            continue;
        if (a->strides[k] == PTRDIFF_MIN)
            return false;
        t[*n].a = a->strides[k] < 0 ? -a->strides[k] : a->strides[k];
        t[*n].ub = a->shape[k] - 1;
        ++*n;
    }
    size_t itemsize = nda_itemsize(a->dtype);
    if (itemsize > 1) {
        t[*n].a = 1;
        t[*n].ub = (int64_t)itemsize - 1;
        ++*n;
    }
    return true;
}

typedef struct {
    uintptr_t start, end; /* [start, end) */
} byte_range;

static byte_range extent(const nda_array *a)
{
    ptrdiff_t lo, hi;
    nda__extent(nda_itemsize(a->dtype), a->ndim, a->shape, a->strides, &lo, &hi);
    return (byte_range){(uintptr_t)a->data + (uintptr_t)lo, (uintptr_t)a->data + (uintptr_t)hi};
}

static bool extents_overlap(byte_range x, byte_range y)
{
    return x.start < y.end && y.start < x.end && x.start < x.end && y.start < y.end;
}

bool nda_may_share_memory(const nda_array *a, const nda_array *b)
{
    NDA_CHECK_ARRAY("nda_may_share_memory", a, false);
    NDA_CHECK_ARRAY("nda_may_share_memory", b, false);
    nda__succeed();
    return extents_overlap(extent(a), extent(b));
}

nda_overlap nda_shares_memory(const nda_array *a, const nda_array *b, ptrdiff_t max_work)
{
    NDA_CHECK_ARRAY("nda_shares_memory", a, NDA_OVERLAP_TOO_HARD);
    NDA_CHECK_ARRAY("nda_shares_memory", b, NDA_OVERLAP_TOO_HARD);
    nda__succeed();
    byte_range x = extent(a), y = extent(b);
    if (!extents_overlap(x, y))
        return NDA_OVERLAP_NO;
    if (max_work == 0)
        return NDA_OVERLAP_TOO_HARD;
    /* Walk a up from its lowest byte and b down from its highest: both sums are >= 0. */
    uintptr_t up = y.end - 1 - x.start, down = x.end - 1 - y.start;
    uintptr_t rhs = up < down ? up : down;
    term terms[2 * NDA_MAXDIMS + 2];
    unsigned n = 0;
    solve_result r = SOLVED_OVERFLOW;
    if (rhs <= INT64_MAX && add_terms(a, terms, &n) && add_terms(b, terms, &n) &&
        simplify(&n, terms, (int64_t)rhs))
        r = solve(n, terms, (int64_t)rhs, max_work);
    switch (r) {
    case SOLVED_NO:
        return NDA_OVERLAP_NO;
    case SOLVED_YES:
        return NDA_OVERLAP_YES;
    case SOLVED_TOO_HARD:
        return NDA_OVERLAP_TOO_HARD;
    case SOLVED_OVERFLOW:
        break;
    }
    nda__fail(NDA_EOVERFLOW, "nda_shares_memory: integer overflow while solving the overlap");
    return NDA_OVERLAP_TOO_HARD;
}

bool nda__identical_layout(const nda_array *a, const nda_array *b)
{
    if (a->data != b->data || a->dtype != b->dtype || a->ndim != b->ndim)
        return false;
    for (int k = 0; k < a->ndim; k++)
        if (a->shape[k] != b->shape[k] || (a->shape[k] > 1 && a->strides[k] != b->strides[k]))
            return false;
    return true;
}
