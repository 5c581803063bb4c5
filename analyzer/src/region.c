#include "region.h"

#include <string.h>

static const vc_interval EVERYTHING = {0, VC_TO_END, 1, true};

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

/* for non-negative a and b: an index past every representable one stays past them */
static int64_t add_sat(int64_t a, int64_t b)
{
    int64_t out;
    return __builtin_add_overflow(a, b, &out) ? VC_TO_END : out;
}

vc_region region_slice(vc_region r, int64_t axis, bool axis_known, int64_t start, int64_t stop,
                       int64_t step, bool bounds_known)
{
    int ra;
    if (!view_axis(&r, axis, axis_known, &ra))
        return region_inexact(r);
    vc_interval *iv = &r.root[ra];
    if (!bounds_known || !iv->exact || start < 0 || stop < 0 || step <= 0) {
        iv->exact = false;
        return r;
    }
    int64_t lo = add_sat(iv->lo, mul_sat(start, iv->step));
    int64_t hi = stop == VC_TO_END ? iv->hi : add_sat(iv->lo, mul_sat(stop, iv->step));
    if (hi > iv->hi)
        hi = iv->hi;
    iv->lo = lo;
    iv->hi = hi < lo ? lo : hi;
    iv->step = mul_sat(iv->step, step);
    return r;
}

vc_region region_index(vc_region r, int64_t axis, bool axis_known, int64_t i, bool i_known)
{
    int ra;
    if (!view_axis(&r, axis, axis_known, &ra))
        return region_inexact(r);
    vc_interval *iv = &r.root[ra];
    if (!i_known || i < 0 || !iv->exact) {
        iv->exact = false;
    } else {
        iv->lo = add_sat(iv->lo, mul_sat(i, iv->step));
        iv->hi = add_sat(iv->lo, 1);
        iv->step = 1;
    }
    for (int k = (int)axis; k + 1 < VC_MAXDIMS; k++)
        r.axis[k] = r.axis[k + 1];
    if (r.ndim > 0)
        r.ndim--;
    return r;
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

static int64_t last_index(const vc_interval *v)
{
    if (v->hi == VC_TO_END)
        return VC_TO_END;
    return v->lo + (v->hi - 1 - v->lo) / v->step * v->step;
}

typedef enum { AXIS_DISJOINT, AXIS_MEET, AXIS_UNSURE } axis_relation;

/* Do {a.lo + a.step t} and {b.lo + b.step u}, each below its hi, share an index? */
static axis_relation axis_meet(const vc_interval *a, const vc_interval *b)
{
    if (!a->exact || !b->exact)
        return AXIS_UNSURE;
    if (a->lo >= a->hi || b->lo >= b->hi)
        return AXIS_DISJOINT;
    int64_t a_last = last_index(a), b_last = last_index(b);
    if (a_last < b->lo || b_last < a->lo)
        return AXIS_DISJOINT;
    if ((b->lo - a->lo) % gcd(a->step, b->step) != 0)
        return AXIS_DISJOINT;
    /* walk the sparser one over the common range (a run of step 1 can still fall between two
     * indices of a strided one: {5} and {0, 3, 6}) */
    const vc_interval *x = a->step >= b->step ? a : b, *y = x == a ? b : a;
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

static bool same_interval(const vc_interval *a, const vc_interval *b)
{
    if (!a->exact || !b->exact)
        return false;
    if (a->lo >= a->hi && b->lo >= b->hi)
        return true;
    return a->lo == b->lo && a->step == b->step && last_index(a) == last_index(b);
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
        if (r->axis[k] != k || !r->root[k].exact || r->root[k].lo != 0 ||
            r->root[k].hi != VC_TO_END || r->root[k].step != 1)
            return false;
    return true;
}
