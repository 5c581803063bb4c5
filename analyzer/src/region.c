#include "region.h"

#include <string.h>

static const vc_interval EVERYTHING = {{0, -1, 0}, {VC_TO_END, -1, 0}, 1, true};

vc_region region_whole(int ndim)
{
    vc_region r;
    memset(&r, 0, sizeof r);
    r.known = r.axes_known = true;
    r.ndim = ndim;
    for (int k = 0; k < VC_MAXDIMS; k++) {
        r.axis[k] = (int8_t)k;
        r.root[k] = EVERYTHING;
    }
    return r;
}

vc_region region_unknown(void)
{
    vc_region r = region_whole(-1);
    r.known = false;
    return r;
}

vc_region region_inexact(vc_region r)
{
    for (int k = 0; k < VC_MAXDIMS; k++)
        r.root[k].exact = false;
    return r;
}

static bool view_axis(const vc_region *r, int64_t axis, bool axis_known, int *root_axis)
{
    if (!r->known || !r->axes_known || !axis_known || axis < 0 || axis >= VC_MAXDIMS ||
        (r->ndim >= 0 && axis >= r->ndim))
        return false;
    *root_axis = r->axis[axis];
    return true;
}

static int64_t mul_sat(int64_t a, int64_t b)
{
    int64_t out;
    return __builtin_mul_overflow(a, b, &out) ? VC_TO_END : out;
}

vc_bound bound_const(int64_t c)
{
    return (vc_bound){c, -1, 0};
}

static bool is_end(vc_bound b)
{
    return b.atom < 0 && b.c == VC_TO_END;
}

static bool is_const(vc_bound b)
{
    return b.atom < 0;
}

/* a + b; false when two different variables would mix or the arithmetic overflows */
bool region_bound_add(vc_bound a, vc_bound b, vc_bound *out)
{
    if (is_end(a) || is_end(b)) {
        *out = bound_const(VC_TO_END);
        return true;
    }
    if (a.atom >= 0 && b.atom >= 0 && a.atom != b.atom)
        return false;
    if (is_const(a) && is_const(b) && a.c >= 0 && b.c >= 0) { /* past every index: the end */
        *out = bound_const(mul_sat(1, a.c) > VC_TO_END - b.c ? VC_TO_END : a.c + b.c);
        return true;
    }
    out->atom = a.atom >= 0 ? a.atom : b.atom;
    out->k = 0;
    if (__builtin_add_overflow(a.c, b.c, &out->c) ||
        __builtin_add_overflow(a.atom >= 0 ? a.k : 0, b.atom >= 0 ? b.k : 0, &out->k))
        return false;
    if (out->k == 0)
        out->atom = -1;
    return true;
}

static bool bound_scale(vc_bound a, int64_t s, vc_bound *out)
{
    if (is_end(a)) {
        *out = a;
        return s > 0;
    }
    *out = a;
    if (is_const(a) && a.c >= 0 && s > 0) {
        out->c = mul_sat(a.c, s);
        return true;
    }
    return !__builtin_mul_overflow(a.c, s, &out->c) && !__builtin_mul_overflow(a.k, s, &out->k);
}

/* a - b when it is a known number */
static bool bound_diff(vc_bound a, vc_bound b, int64_t *d)
{
    if (is_const(a) && is_const(b)) /* the end is a number past every index */
        return !__builtin_sub_overflow(a.c, b.c, d);
    if (is_end(a) || is_end(b))
        return false;
    bool same = (a.atom < 0 && b.atom < 0) || (a.atom == b.atom && a.k == b.k);
    return same && !__builtin_sub_overflow(a.c, b.c, d);
}

static bool bound_equal(vc_bound a, vc_bound b)
{
    return a.c == b.c && a.atom == b.atom && (a.atom < 0 || a.k == b.k);
}

vc_region region_slice_bounds(vc_region r, int64_t axis, bool axis_known, vc_bound start,
                              vc_bound stop, int64_t step, bool bounds_known)
{
    int ra;
    if (!view_axis(&r, axis, axis_known, &ra))
        return region_inexact(r);
    vc_interval *iv = &r.root[ra];
    bool negative = (is_const(start) && start.c < 0) || (is_const(stop) && stop.c < 0);
    vc_bound lo, hi, offset;
    if (!bounds_known || !iv->exact || negative || step <= 0 ||
        !bound_scale(start, iv->step, &offset) || !region_bound_add(iv->lo, offset, &lo)) {
        iv->exact = false;
        return r;
    }
    if (is_end(stop)) {
        hi = iv->hi;
    } else {
        int64_t d;
        if (!bound_scale(stop, iv->step, &offset) || !region_bound_add(iv->lo, offset, &hi)) {
            iv->exact = false;
            return r;
        }
        if (!is_end(iv->hi)) { /* clip to the parent's end when the order is known */
            if (!bound_diff(iv->hi, hi, &d)) {
                iv->exact = false;
                return r;
            }
            if (d < 0)
                hi = iv->hi;
        }
    }
    int64_t width;
    if (bound_diff(hi, lo, &width) && width < 0)
        hi = lo;
    iv->lo = lo;
    iv->hi = hi;
    iv->step = mul_sat(iv->step, step);
    return r;
}

vc_region region_slice(vc_region r, int64_t axis, bool axis_known, int64_t start, int64_t stop,
                       int64_t step, bool bounds_known)
{
    return region_slice_bounds(r, axis, axis_known, bound_const(start), bound_const(stop), step,
                               bounds_known);
}

vc_region region_index_bound(vc_region r, int64_t axis, bool axis_known, vc_bound i, bool known)
{
    int ra;
    if (!view_axis(&r, axis, axis_known, &ra))
        return region_inexact(r);
    vc_interval *iv = &r.root[ra];
    vc_bound offset, lo, hi;
    if (!known || (is_const(i) && i.c < 0) || !iv->exact || !bound_scale(i, iv->step, &offset) ||
        !region_bound_add(iv->lo, offset, &lo) || !region_bound_add(lo, bound_const(1), &hi)) {
        iv->exact = false;
    } else {
        iv->lo = lo;
        iv->hi = hi;
        iv->step = 1;
    }
    for (int k = (int)axis; k + 1 < VC_MAXDIMS; k++)
        r.axis[k] = r.axis[k + 1];
    if (r.ndim > 0)
        r.ndim--;
    return r;
}

vc_region region_index(vc_region r, int64_t axis, bool axis_known, int64_t i, bool i_known)
{
    return region_index_bound(r, axis, axis_known, bound_const(i), i_known);
}

vc_region region_transpose(vc_region r)
{
    if (r.ndim < 0) {
        r.axes_known = false;
        return r;
    }
    for (int k = 0; k < r.ndim / 2; k++) {
        int8_t t = r.axis[k];
        r.axis[k] = r.axis[r.ndim - 1 - k];
        r.axis[r.ndim - 1 - k] = t;
    }
    return r;
}

static int64_t gcd(int64_t a, int64_t b)
{
    while (b) {
        int64_t t = a % b;
        a = b;
        b = t;
    }
    return a < 0 ? -a : a;
}

typedef struct {
    int64_t lo, hi, step; /* constants: relative to a common origin */
} plain;

static int64_t last_index(const plain *v)
{
    if (v->hi == VC_TO_END)
        return VC_TO_END;
    return v->lo + (v->hi - 1 - v->lo) / v->step * v->step;
}

typedef enum { AXIS_DISJOINT, AXIS_MEET, AXIS_UNSURE } axis_relation;

/* Do {a.lo + a.step t} and {b.lo + b.step u}, each below its hi, share an index? */
static axis_relation plain_meet(const plain *a, const plain *b)
{
    if (a->lo >= a->hi || b->lo >= b->hi)
        return AXIS_DISJOINT;
    int64_t a_last = last_index(a), b_last = last_index(b);
    if (a_last < b->lo || b_last < a->lo)
        return AXIS_DISJOINT;
    if ((b->lo - a->lo) % gcd(a->step, b->step) != 0)
        return AXIS_DISJOINT;
    /* walk the sparser one over the common range (a run of step 1 can still fall between two
     * indices of a strided one: {5} and {0, 3, 6}) */
    const plain *x = a->step >= b->step ? a : b, *y = x == a ? b : a;
    int64_t from = a->lo > b->lo ? a->lo : b->lo, to = a_last < b_last ? a_last : b_last;
    int64_t first = x->lo + (from > x->lo ? (from - x->lo + x->step - 1) / x->step * x->step : 0);
    for (int64_t v = first, n = 0; v <= to; n++) {
        if (v >= y->lo && (v - y->lo) % y->step == 0)
            return AXIS_MEET;
        if (n == 100000 || __builtin_add_overflow(v, x->step, &v))
            return n == 100000 || to == VC_TO_END ? AXIS_UNSURE : AXIS_DISJOINT;
    }
    return AXIS_DISJOINT;
}

/* A bound as a number relative to `origin` (END stays END). */
static bool relative(vc_bound b, vc_bound origin, int64_t *out)
{
    if (is_end(b) && !is_end(origin)) {
        *out = VC_TO_END;
        return true;
    }
    return bound_diff(b, origin, out);
}

/* Proofs that need no common origin: an empty interval, one ending before the other starts, or
 * starts that no common index can reconcile. */
static bool symbolic_disjoint(const vc_interval *a, const vc_interval *b)
{
    int64_t d;
    if ((bound_diff(a->hi, a->lo, &d) && d <= 0) || (bound_diff(b->hi, b->lo, &d) && d <= 0))
        return true;
    if ((bound_diff(a->hi, b->lo, &d) && d <= 0) || (bound_diff(b->hi, a->lo, &d) && d <= 0))
        return true;
    return bound_diff(b->lo, a->lo, &d) && d % gcd(a->step, b->step) != 0;
}

static axis_relation axis_meet(const vc_interval *a, const vc_interval *b)
{
    if (!a->exact || !b->exact)
        return AXIS_UNSURE;
    if (symbolic_disjoint(a, b))
        return AXIS_DISJOINT;
    plain pa = {0, 0, a->step}, pb = {0, 0, b->step};
    if (!relative(a->hi, a->lo, &pa.hi) || !relative(b->lo, a->lo, &pb.lo) ||
        !relative(b->hi, a->lo, &pb.hi))
        return AXIS_UNSURE;
    return plain_meet(&pa, &pb);
}

static bool same_interval(const vc_interval *a, const vc_interval *b)
{
    if (!a->exact || !b->exact)
        return false;
    int64_t da, db;
    if (bound_diff(a->hi, a->lo, &da) && bound_diff(b->hi, b->lo, &db) && da <= 0 && db <= 0)
        return true;
    if (!bound_equal(a->lo, b->lo) || a->step != b->step)
        return false;
    if (bound_equal(a->hi, b->hi))
        return true;
    plain pa = {0, 0, a->step}, pb = {0, 0, b->step};
    return relative(a->hi, a->lo, &pa.hi) && relative(b->hi, a->lo, &pb.hi) &&
           last_index(&pa) == last_index(&pb);
}

bool region_mentions(const vc_region *r, int atom)
{
    for (int k = 0; k < VC_MAXDIMS; k++)
        if (r->root[k].exact && (r->root[k].lo.atom == atom || r->root[k].hi.atom == atom))
            return true;
    return false;
}

vc_region region_without_atoms(vc_region r)
{
    for (int k = 0; k < VC_MAXDIMS; k++)
        if (r.root[k].lo.atom >= 0 || r.root[k].hi.atom >= 0)
            r.root[k].exact = false;
    return r;
}

vc_relation region_relation(const vc_region *a, const vc_region *b)
{
    if (!a->known || !b->known)
        return REL_MAY_OVERLAP;
    bool unsure = false, identical = a->axes_known && b->axes_known && a->ndim == b->ndim;
    for (int k = 0; k < VC_MAXDIMS; k++) {
        axis_relation rel = axis_meet(&a->root[k], &b->root[k]);
        if (rel == AXIS_DISJOINT)
            return REL_DISJOINT;
        unsure |= rel == AXIS_UNSURE;
        identical &= same_interval(&a->root[k], &b->root[k]);
    }
    for (int k = 0; identical && k < VC_MAXDIMS && (a->ndim < 0 || k < a->ndim); k++)
        identical &= a->axis[k] == b->axis[k];
    if (identical)
        return REL_IDENTICAL;
    return unsure ? REL_MAY_OVERLAP : REL_OVERLAP;
}

const char *region_relation_name(vc_relation r)
{
    static const char *const names[] = {"disjoint", "identical", "overlap", "may-overlap"};
    return names[r];
}

bool region_is_whole(const vc_region *r)
{
    if (!r->known || !r->axes_known)
        return false;
    for (int k = 0; k < VC_MAXDIMS; k++)
        if (r->axis[k] != k || !r->root[k].exact || !bound_equal(r->root[k].lo, bound_const(0)) ||
            !is_end(r->root[k].hi) || r->root[k].step != 1)
            return false;
    return true;
}
