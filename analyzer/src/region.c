#include "region.h"

#include <string.h>

static const vc_interval EVERYTHING = {
    {0, {-1, -1, -1}, {0, 0, 0}}, {VC_TO_END, {-1, -1, -1}, {0, 0, 0}}, 1, true, false};

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

vc_bound bound_const(int64_t c)
{
    vc_bound b = {c, {-1, -1, -1}, {0, 0, 0}};
    return b;
}

vc_bound bound_var(int32_t atom)
{
    vc_bound b = bound_const(0);
    b.atom[0] = atom;
    b.k[0] = 1;
    return b;
}

bool bound_is_const(vc_bound b)
{
    return b.k[0] == 0;
}

static bool is_end(vc_bound b)
{
    return bound_is_const(b) && b.c == VC_TO_END;
}

/* Add k * atom to the sorted terms of *b. */
static bool add_term(vc_bound *b, int32_t atom, int64_t k)
{
    int i = 0;
    while (i < VC_BOUND_TERMS && b->k[i] != 0 && b->atom[i] < atom)
        i++;
    if (i < VC_BOUND_TERMS && b->k[i] != 0 && b->atom[i] == atom) {
        int64_t sum = (int64_t)b->k[i] + k;
        if (sum < INT32_MIN || sum > INT32_MAX)
            return false;
        if (sum != 0) {
            b->k[i] = (int32_t)sum;
            return true;
        }
        for (int j = i; j + 1 < VC_BOUND_TERMS; j++) {
            b->atom[j] = b->atom[j + 1];
            b->k[j] = b->k[j + 1];
        }
        b->atom[VC_BOUND_TERMS - 1] = -1;
        b->k[VC_BOUND_TERMS - 1] = 0;
        return true;
    }
    if (b->k[VC_BOUND_TERMS - 1] != 0 || k < INT32_MIN || k > INT32_MAX)
        return false;
    for (int j = VC_BOUND_TERMS - 1; j > i; j--) {
        b->atom[j] = b->atom[j - 1];
        b->k[j] = b->k[j - 1];
    }
    b->atom[i] = atom;
    b->k[i] = (int32_t)k;
    return true;
}

bool bound_combine(vc_bound a, vc_bound b, int64_t sign, vc_bound *out)
{
    vc_bound r = a;
    int64_t bc;
    if (__builtin_mul_overflow(b.c, sign, &bc) || __builtin_add_overflow(a.c, bc, &r.c))
        return false;
    for (int i = 0; i < VC_BOUND_TERMS && b.k[i] != 0; i++)
        if (!add_term(&r, b.atom[i], sign * (int64_t)b.k[i]))
            return false;
    *out = r;
    return true;
}

static int64_t mul_sat(int64_t a, int64_t b)
{
    int64_t out;
    return __builtin_mul_overflow(a, b, &out) ? VC_TO_END : out;
}

/* a + b; false when it needs too many variables or the arithmetic overflows */
bool region_bound_add(vc_bound a, vc_bound b, vc_bound *out)
{
    if (is_end(a) || is_end(b)) {
        *out = bound_const(VC_TO_END);
        return true;
    }
    if (bound_is_const(a) && bound_is_const(b) && a.c >= 0 && b.c >= 0) { /* past every index */
        *out = bound_const(a.c > VC_TO_END - b.c ? VC_TO_END : a.c + b.c);
        return true;
    }
    return bound_combine(a, b, 1, out);
}

bool bound_scale(vc_bound a, int64_t s, vc_bound *out)
{
    if (is_end(a)) {
        *out = a;
        return s > 0;
    }
    *out = a;
    if (bound_is_const(a) && a.c >= 0 && s > 0) {
        out->c = mul_sat(a.c, s);
        return true;
    }
    if (s == 0) {
        *out = bound_const(0);
        return true;
    }
    if (__builtin_mul_overflow(a.c, s, &out->c))
        return false;
    for (int i = 0; i < VC_BOUND_TERMS && a.k[i] != 0; i++) {
        int64_t k;
        if (__builtin_mul_overflow((int64_t)a.k[i], s, &k) || k < INT32_MIN || k > INT32_MAX)
            return false;
        out->k[i] = (int32_t)k;
    }
    return true;
}

static bool same_terms(const vc_bound *a, const vc_bound *b)
{
    for (int i = 0; i < VC_BOUND_TERMS; i++)
        if (a->k[i] != b->k[i] || (a->k[i] != 0 && a->atom[i] != b->atom[i]))
            return false;
    return true;
}

static bool bound_equal(vc_bound a, vc_bound b)
{
    return a.c == b.c && same_terms(&a, &b);
}

/* a - b when it is a known number */
static bool bound_diff(vc_bound a, vc_bound b, int64_t *d)
{
    if (bound_is_const(a) && bound_is_const(b)) /* the end is a number past every index */
        return !__builtin_sub_overflow(a.c, b.c, d);
    if (!is_end(a) && !is_end(b) && same_terms(&a, &b)) /* the variables cancel */
        return !__builtin_sub_overflow(a.c, b.c, d);
    if (is_end(a) || is_end(b))
        return false;
    vc_bound r;
    if (!bound_combine(a, b, -1, &r) || !bound_is_const(r))
        return false;
    *d = r.c;
    return true;
}

static bool bound_names(vc_bound b, int atom)
{
    for (int i = 0; i < VC_BOUND_TERMS && b.k[i] != 0; i++)
        if (b.atom[i] == atom)
            return true;
    return false;
}

vc_region region_slice_bounds(vc_region r, int64_t axis, bool axis_known, vc_bound start,
                              vc_bound stop, int64_t step, bool bounds_known)
{
    int ra;
    if (!view_axis(&r, axis, axis_known, &ra))
        return region_inexact(r);
    vc_interval *iv = &r.root[ra];
    bool negative = (bound_is_const(start) && start.c < 0) || (bound_is_const(stop) && stop.c < 0);
    vc_bound lo, hi, offset;
    if (!bounds_known || !iv->exact || negative || step <= 0 ||
        !bound_scale(start, iv->step, &offset) || !region_bound_add(iv->lo, offset, &lo)) {
        iv->exact = false;
        return r;
    }
    bool loose = iv->hi_loose;
    if (is_end(stop)) {
        hi = iv->hi;
    } else {
        int64_t d;
        if (!bound_scale(stop, iv->step, &offset) || !region_bound_add(iv->lo, offset, &hi)) {
            iv->exact = false;
            return r;
        }
        if (!is_end(iv->hi)) { /* clip to the parent's end when the order is known */
            if (!bound_diff(iv->hi, hi, &d))
                loose = true; /* hi or the parent's end, whichever comes first */
            else if (d < 0)
                hi = iv->hi;
        }
    }
    int64_t width;
    if (bound_diff(hi, lo, &width) && width < 0)
        hi = lo;
    iv->lo = lo;
    iv->hi = hi;
    iv->hi_loose = loose;
    iv->step = mul_sat(iv->step, step);
    return r;
}

vc_region region_slice_from(vc_region r, int64_t axis, bool axis_known, vc_bound start,
                            int64_t step)
{
    int ra;
    if (!view_axis(&r, axis, axis_known, &ra))
        return region_inexact(r);
    r = region_slice_bounds(r, axis, axis_known, start, bound_const(VC_TO_END), step, true);
    r.root[ra].hi_loose = true;
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
    if (!known || (bound_is_const(i) && i.c < 0) || !iv->exact ||
        !bound_scale(i, iv->step, &offset) || !region_bound_add(iv->lo, offset, &lo) ||
        !region_bound_add(lo, bound_const(1), &hi)) {
        iv->exact = false;
    } else {
        iv->lo = lo;
        iv->hi = hi;
        iv->step = 1;
        iv->hi_loose = false;
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

static bool interval_equal(const vc_interval *a, const vc_interval *b)
{
    return a->step == b->step && a->hi_loose == b->hi_loose && bound_equal(a->lo, b->lo) &&
           bound_equal(a->hi, b->hi);
}

static axis_relation axis_meet(const vc_interval *a, const vc_interval *b)
{
    if (!a->exact || !b->exact)
        return AXIS_UNSURE;
    if (interval_equal(a, b)) { /* the common case: an axis neither region cuts */
        int64_t width;
        if (!bound_diff(a->hi, a->lo, &width))
            return AXIS_UNSURE;
        return width <= 0 ? AXIS_DISJOINT : a->hi_loose ? AXIS_UNSURE : AXIS_MEET;
    }
    if (symbolic_disjoint(a, b))
        return AXIS_DISJOINT;
    plain pa = {0, 0, a->step}, pb = {0, 0, b->step};
    if (!relative(a->hi, a->lo, &pa.hi) || !relative(b->lo, a->lo, &pb.lo) ||
        !relative(b->hi, a->lo, &pb.hi))
        return AXIS_UNSURE;
    axis_relation rel = plain_meet(&pa, &pb); /* loose ends: a superset, only disjointness holds */
    return rel == AXIS_MEET && (a->hi_loose || b->hi_loose) ? AXIS_UNSURE : rel;
}

static bool same_interval(const vc_interval *a, const vc_interval *b)
{
    if (!a->exact || !b->exact)
        return false;
    int64_t da, db;
    if (bound_diff(a->hi, a->lo, &da) && bound_diff(b->hi, b->lo, &db) && da <= 0 && db <= 0)
        return true;
    if (a->hi_loose || b->hi_loose || !bound_equal(a->lo, b->lo) || a->step != b->step)
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
        if (r->root[k].exact &&
            (bound_names(r->root[k].lo, atom) || bound_names(r->root[k].hi, atom)))
            return true;
    return false;
}

vc_region region_without_atoms(vc_region r)
{
    for (int k = 0; k < VC_MAXDIMS; k++)
        if (!bound_is_const(r.root[k].lo) || !bound_is_const(r.root[k].hi))
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

static bool one_element(const vc_interval *iv)
{
    int64_t width;
    return iv->exact && !iv->hi_loose && bound_diff(iv->hi, iv->lo, &width) && width == 1;
}

bool region_same_or_disjoint(const vc_region *a, const vc_region *b)
{
    if (!a->known || !b->known || !a->axes_known || !b->axes_known || a->ndim != b->ndim)
        return false;
    for (int k = 0; k < VC_MAXDIMS && (a->ndim < 0 || k < a->ndim); k++)
        if (a->axis[k] != b->axis[k])
            return false;
    for (int k = 0; k < VC_MAXDIMS; k++)
        if (!same_interval(&a->root[k], &b->root[k]) &&
            !(one_element(&a->root[k]) && one_element(&b->root[k])))
            return false;
    return true;
}

static bool finite_interval(const vc_interval *iv)
{
    return iv->exact && !iv->hi_loose && bound_is_const(iv->lo) && bound_is_const(iv->hi) &&
           !is_end(iv->hi);
}

bool region_overlap_sure(const vc_region *a, const vc_region *b)
{
    if (region_relation(a, b) != REL_OVERLAP)
        return false;
    for (int k = 0; k < VC_MAXDIMS; k++)
        if (!interval_equal(&a->root[k], &b->root[k]) &&
            !(finite_interval(&a->root[k]) && finite_interval(&b->root[k])))
            return false;
    return true;
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
            !is_end(r->root[k].hi) || r->root[k].hi_loose || r->root[k].step != 1)
            return false;
    return true;
}
