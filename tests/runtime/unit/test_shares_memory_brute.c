/* Brute-force check of nda_shares_memory and nda_may_share_memory: thousands of random small
 * layouts (as_strided at any byte offset with negative and zero strides, slices with negative
 * steps, transposes, indexing, views through a second dtype over the same memory), two per base;
 * every byte each array addresses is enumerated and the exact overlap compared. The seed is
 * fixed; NDA_BRUTE_SEED overrides it (and NDA_BRUTE_ITERATIONS the count). */
#include "support.h"

#include <inttypes.h>
#include <stdlib.h>
#include <string.h>

enum { MAX_BYTES = 12 * 8 };

typedef struct {
    uint64_t state;
} rng;

static uint64_t next(rng *r) /* splitmix64 */
{
    uint64_t z = (r->state += 0x9E3779B97F4A7C15u);
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9u;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBu;
    return z ^ (z >> 31);
}

static ptrdiff_t uniform(rng *r, ptrdiff_t lo, ptrdiff_t hi) /* inclusive */
{
    return lo + (ptrdiff_t)(next(r) % (uint64_t)(hi - lo + 1));
}

static uint64_t env_u64(const char *name, uint64_t fallback)
{
    const char *text = getenv(name);
    return text && *text ? strtoull(text, NULL, 0) : fallback;
}

/* The memory every view of one test case lives in. */
typedef struct {
    const unsigned char *origin;
    ptrdiff_t nbytes;
} memory;

/* Byte offsets [lo, hi) reached by a layout with its first element at byte `at`. */
static void extent(ptrdiff_t at, size_t item, int ndim, const ptrdiff_t *shape,
                   const ptrdiff_t *strides, ptrdiff_t *lo, ptrdiff_t *hi)
{
    *lo = *hi = at;
    for (int k = 0; k < ndim; k++) {
        ptrdiff_t span = strides[k] * (shape[k] - 1);
        if (span < 0)
            *lo += span;
        else
            *hi += span;
    }
    *hi += (ptrdiff_t)item;
}

static ptrdiff_t random_stride(rng *r, ptrdiff_t item)
{
    ptrdiff_t magnitude;
    switch (uniform(r, 0, 5)) {
    case 0:
        return 0;
    case 1:
        magnitude = item;
        break;
    case 2:
        magnitude = item * uniform(r, 2, 4);
        break;
    default:
        magnitude = uniform(r, 1, 3 * item + 2);
    }
    return uniform(r, 0, 1) ? magnitude : -magnitude;
}

/* A 0-D view of owner at byte offset `at` (any offset, aligned or not). */
static nda_array *point_at(nda_array *owner, ptrdiff_t at, ptrdiff_t nbytes)
{
    size_t item = nda_itemsize(nda_dtype_of(owner));
    const ptrdiff_t shape[1] = {nbytes - (ptrdiff_t)item + 1}, strides[1] = {1};
    nda_array *bytes = nda_as_strided(owner, 1, shape, strides);
    assert_non_null(bytes);
    nda_array *p = nda_index(bytes, 0, at);
    assert_non_null(p);
    nda_release(bytes);
    return p;
}

/* A random as_strided view of owner. Most layouts are placed where they fit; the others are
 * placed anywhere, and as_strided must refuse those that leave the owner's memory. */
static nda_array *random_strided(rng *r, nda_array *owner)
{
    ptrdiff_t item = (ptrdiff_t)nda_itemsize(nda_dtype_of(owner));
    ptrdiff_t owner_bytes = nda_size(owner) * item;
    for (;;) {
        int ndim = (int)uniform(r, 0, 3);
        ptrdiff_t shape[3], strides[3], lo, hi;
        for (int k = 0; k < ndim; k++) {
            shape[k] = uniform(r, 1, 4);
            strides[k] = random_stride(r, item);
        }
        extent(0, (size_t)item, ndim, shape, strides, &lo, &hi);
        if (hi - lo > owner_bytes)
            continue;
        ptrdiff_t at = uniform(r, 0, 3) ? uniform(r, -lo, owner_bytes - hi)
                                        : uniform(r, 0, owner_bytes - item);
        if (ndim > 0 && uniform(r, 0, 19) == 0)
            shape[uniform(r, 0, ndim - 1)] = 0;
        bool inside = (at + lo >= 0 && at + hi <= owner_bytes);
        for (int k = 0; k < ndim; k++)
            inside = inside || shape[k] == 0;
        nda_array *p = point_at(owner, at, owner_bytes);
        nda_array *v = nda_as_strided(p, ndim, shape, strides);
        nda_release(p);
        if (!inside) {
            assert_null(v);
            assert_int_equal(nda_last_status(), NDA_EBOUNDS);
            continue;
        }
        assert_non_null(v);
        return v;
    }
}

static ptrdiff_t random_bound(rng *r, bool stop)
{
    ptrdiff_t pick = uniform(r, 0, 9);
    if (pick < 3)
        return stop ? NDA_END : 0;
    return uniform(r, -5, 5);
}

/* Applies random slices / transposes / indexing; each step replaces v. */
static nda_array *random_reshape_ops(rng *r, nda_array *v)
{
    int steps = (int)uniform(r, 0, 2);
    for (int s = 0; s < steps; s++) {
        int ndim = nda_ndim(v);
        nda_array *next_view = NULL;
        ptrdiff_t op = uniform(r, 0, 9);
        if (ndim == 0)
            break;
        int axis = (int)uniform(r, 0, ndim - 1);
        if (op < 6) {
            ptrdiff_t step = uniform(r, 1, 3) * (uniform(r, 0, 1) ? 1 : -1);
            next_view = nda_slice(v, axis, random_bound(r, false), random_bound(r, true), step);
        } else if (op < 8) {
            next_view = nda_transpose(v);
        } else if (nda_shape(v)[axis] > 0) {
            next_view = nda_index(v, axis, uniform(r, -nda_shape(v)[axis], nda_shape(v)[axis] - 1));
        } else {
            continue;
        }
        assert_non_null(next_view);
        if (nda_size(next_view) == 0 && nda_size(v) > 0 && uniform(r, 0, 4) > 0) {
            nda_release(next_view); /* keep most cases non-empty */
            continue;
        }
        nda_release(v);
        v = next_view;
    }
    return v;
}

static nda_array *random_view(rng *r, nda_array *owner)
{
    return random_reshape_ops(r, random_strided(r, owner));
}

/* Marks every byte v addresses; returns false when v has no elements. */
static bool mark(const nda_array *v, const memory *m, unsigned char *bitmap, ptrdiff_t *lo,
                 ptrdiff_t *hi)
{
    int ndim = nda_ndim(v);
    const ptrdiff_t *shape = nda_shape(v), *strides = nda_strides(v);
    size_t item = nda_itemsize(nda_dtype_of(v));
    memset(bitmap, 0, MAX_BYTES);
    if (nda_size(v) == 0)
        return false;
    ptrdiff_t first = (const unsigned char *)nda_cdata(v) - m->origin;
    ptrdiff_t idx[NDA_MAXDIMS] = {0};
    *lo = PTRDIFF_MAX;
    *hi = PTRDIFF_MIN;
    for (;;) {
        ptrdiff_t at = first;
        for (int k = 0; k < ndim; k++)
            at += idx[k] * strides[k];
        assert_in_range(at, 0, m->nbytes - (ptrdiff_t)item); /* views stay inside memory */
        memset(bitmap + at, 1, item);
        *lo = at < *lo ? at : *lo;
        *hi = at + (ptrdiff_t)item > *hi ? at + (ptrdiff_t)item : *hi;
        int k = ndim - 1;
        while (k >= 0 && ++idx[k] == shape[k])
            idx[k--] = 0;
        if (k < 0)
            return true;
    }
}

typedef struct {
    long yes, no_apart, no_interleaved, empty;
} tally;

static void describe(const char *name, const nda_array *v, const memory *m)
{
    print_error("%s: dtype %d, first byte %td, shape/strides", name, (int)nda_dtype_of(v),
                (const unsigned char *)nda_cdata(v) - m->origin);
    for (int k = 0; k < nda_ndim(v); k++)
        print_error(" %td/%td", nda_shape(v)[k], nda_strides(v)[k]);
    print_error("\n");
}

static void check_pair(rng *r, const nda_array *a, const nda_array *b, const memory *m, tally *t)
{
    unsigned char ba[MAX_BYTES], bb[MAX_BYTES];
    ptrdiff_t alo = 0, ahi = 0, blo = 0, bhi = 0;
    bool ne_a = mark(a, m, ba, &alo, &ahi), ne_b = mark(b, m, bb, &blo, &bhi);
    bool exact = false;
    for (ptrdiff_t i = 0; i < m->nbytes; i++)
        exact = exact || (ba[i] && bb[i]);
    bool may = ne_a && ne_b && alo < bhi && blo < ahi;
    nda_overlap want = exact ? NDA_OVERLAP_YES : NDA_OVERLAP_NO;
    nda_overlap got = nda_shares_memory(a, b, -1), back = nda_shares_memory(b, a, -1);
    bool got_may = nda_may_share_memory(a, b);
    nda_overlap lazy = nda_shares_memory(a, b, 0);
    nda_overlap some = nda_shares_memory(a, b, uniform(r, 1, 4));
    if (got != want || back != want || got_may != may ||
        lazy != (may ? NDA_OVERLAP_TOO_HARD : NDA_OVERLAP_NO) ||
        (some != want && some != NDA_OVERLAP_TOO_HARD)) {
        print_error("exact %d may %d: shares %d/%d, may_share %d, max_work 0: %d, small: %d\n",
                    exact, may, got, back, got_may, lazy, some);
        describe("a", a, m);
        describe("b", b, m);
        fail();
    }
    t->yes += exact;
    t->no_apart += !exact && !may;
    t->no_interleaved += !exact && may;
    t->empty += !ne_a || !ne_b;
}

static const nda_dtype dtypes[5] = {NDA_FLOAT64, NDA_FLOAT32, NDA_INT64, NDA_INT32, NDA_UINT8};

static void one_case(rng *r, tally *t)
{
    nda_dtype dt = dtypes[uniform(r, 0, 4)];
    ptrdiff_t n = uniform(r, 1, 12);
    nda_array *base = nda_zeros(dt, 1, &n);
    memory m = {nda_cdata(base), n * (ptrdiff_t)nda_itemsize(dt)};
    nda_array *other = base;
    if (uniform(r, 0, 4) == 0) { /* the same memory seen through another dtype */
        nda_dtype dt2 = dtypes[uniform(r, 0, 4)];
        ptrdiff_t n2 = m.nbytes / (ptrdiff_t)nda_itemsize(dt2);
        if (n2 > 0)
            other = nda_wrap(nda_data(base), dt2, 1, &n2, NULL);
    }
    nda_array *a = random_view(r, base);
    nda_array *b = random_view(r, other);
    check_pair(r, a, b, &m, t);
    nda_release(b);
    nda_release(a);
    if (other != base)
        nda_release(other);
    nda_release(base);
}

static void test_brute_force(void **state)
{
    (void)state;
    uint64_t seed = env_u64("NDA_BRUTE_SEED", 0x5EED0F0E1A9ull);
    long iterations = (long)env_u64("NDA_BRUTE_ITERATIONS", 50000);
    print_message("NDA_BRUTE_SEED=0x%" PRIx64 ", %ld iterations\n", seed, iterations);
    rng r = {seed};
    tally t = {0, 0, 0, 0};
    for (long i = 0; i < iterations; i++)
        one_case(&r, &t);
    print_message("overlapping %ld, disjoint extents %ld, interleaved but disjoint %ld, "
                  "with an empty operand %ld\n",
                  t.yes, t.no_apart, t.no_interleaved, t.empty);
    if (iterations >= 1000) { /* every kind of answer must be well represented */
        assert_true(t.yes > iterations / 20);
        assert_true(t.no_apart > iterations / 20);
        assert_true(t.no_interleaved > iterations / 100);
    }
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_brute_force),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
