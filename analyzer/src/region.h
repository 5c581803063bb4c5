/* Regions: which elements of its root memory a handle covers, per root axis, as far as constant
 * slice bounds, indices and transposes tell. */
#ifndef VC_REGION_H
#define VC_REGION_H

#include <stdbool.h>
#include <stdint.h>

enum { VC_MAXDIMS = 8 };
#define VC_TO_END INT64_MAX

/* A bound c + k[0] * atom[0] + ..., where each atom is a program variable (a place index) whose
 * value is unknown but the same in every bound that names it. Terms with k == 0 are unused (atom
 * -1); the used ones come first, in ascending atom order, so equal bounds are equal fields. */
enum { VC_BOUND_TERMS = 3 };
typedef struct {
    int64_t c;
    int32_t atom[VC_BOUND_TERMS];
    int32_t k[VC_BOUND_TERMS];
} vc_bound;

typedef struct {
    vc_bound lo, hi; /* the indices lo, lo+step, ... below hi */
    int64_t step;
    bool exact;    /* false: anywhere on this axis */
    bool hi_loose; /* hi is only an upper bound (a length that did not fold) */
} vc_interval;

typedef struct {
    bool known;      /* false: anywhere in the root memory */
    bool axes_known; /* the view's axes map to root axes as `axis` says */
    int ndim;        /* the view's dimensions, -1 unknown */
    int8_t axis[VC_MAXDIMS];
    vc_interval root[VC_MAXDIMS];
} vc_region;

typedef enum { REL_DISJOINT, REL_IDENTICAL, REL_OVERLAP, REL_MAY_OVERLAP } vc_relation;

vc_region region_whole(int ndim);
vc_region region_unknown(void);
/* `known` flags say whether each bound folded to a constant. */
vc_region region_slice(vc_region r, int64_t axis, bool axis_known, int64_t start, int64_t stop,
                       int64_t step, bool bounds_known);
vc_region region_index(vc_region r, int64_t axis, bool axis_known, int64_t i, bool i_known);
/* The same with bounds that may name a variable (assumed non-negative, as array sizes are). */
vc_bound bound_const(int64_t c);
vc_bound bound_var(int32_t atom);
bool bound_is_const(vc_bound b);
/* a + sign * b; false when it needs more than VC_BOUND_TERMS variables or overflows */
bool bound_combine(vc_bound a, vc_bound b, int64_t sign, vc_bound *out);
bool bound_scale(vc_bound a, int64_t s, vc_bound *out);
/* a + b (the end stays the end) */
bool region_bound_add(vc_bound a, vc_bound b, vc_bound *out);
vc_region region_slice_bounds(vc_region r, int64_t axis, bool axis_known, vc_bound start,
                              vc_bound stop, int64_t step, bool bounds_known);
/* From a known start to an unknown stop at most the parent's end. */
vc_region region_slice_from(vc_region r, int64_t axis, bool axis_known, vc_bound start,
                            int64_t step);
vc_region region_index_bound(vc_region r, int64_t axis, bool axis_known, vc_bound i, bool known);
/* Does the region name variable `atom`? (A change of that variable makes the region stale.) */
bool region_mentions(const vc_region *r, int atom);
/* The region with every axis that names a variable made inexact. */
vc_region region_without_atoms(vc_region r);
vc_region region_transpose(vc_region r);
vc_region region_inexact(vc_region r);
/* Every element of the root, in the root's own axes. */
bool region_is_whole(const vc_region *r);
vc_relation region_relation(const vc_region *a, const vc_region *b);
/* The two regions are the same elements or share none, whichever values the variables take: one
 * element on the axes where they differ, the same intervals elsewhere (row i and row j). */
bool region_same_or_disjoint(const vc_region *a, const vc_region *b);
/* They overlap without being identical whatever the array's lengths: every axis where they
 * differ has constant ends (a slice [0, 4) is all of an array of 4). */
bool region_overlap_sure(const vc_region *a, const vc_region *b);
const char *region_relation_name(vc_relation r);

#endif
