/* nda_shares_memory against brute force: two strided views of one small buffer (any dtypes,
 * up to 6 axes, negative, zero and unaligned strides, then maybe sliced, indexed or
 * transposed); the exact answer (max_work -1) must equal the enumeration of their bytes, a
 * bounded answer must be exact or NDA_OVERLAP_TOO_HARD, max_work 0 only compares extents, and
 * nda_may_share_memory must hold whenever they share a byte. */
#include "fuzz_input.h"

#include <nda.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

enum { BUF = 512 };
static _Alignas(16) char buffer[BUF];

#define CHECK(cond, ...)                                                                           \
    do {                                                                                           \
        if (!(cond)) {                                                                             \
            fprintf(stderr, "fuzz_shares_memory: " __VA_ARGS__);                                   \
            fputc('\n', stderr);                                                                   \
            abort();                                                                               \
        }                                                                                          \
    } while (0)

static nda_array *random_view(fuzz_input *in)
{
    nda_dtype dt = (nda_dtype)fuzz_below(in, 5);
    ptrdiff_t item = (ptrdiff_t)nda_itemsize(dt);
    int ndim = (int)fuzz_below(in, 7);
    ptrdiff_t shape[NDA_MAXDIMS], strides[NDA_MAXDIMS], lo = 0, hi = item;
    bool empty = false;
    for (int k = 0; k < ndim; k++) {
        shape[k] = fuzz_below(in, 5);
        strides[k] = fuzz_range(in, -48, 48);
        if (fuzz_below(in, 4) == 0)
            strides[k] *= item; /* whole elements, as most real views */
        empty |= shape[k] == 0;
        ptrdiff_t span = strides[k] * (shape[k] > 0 ? shape[k] - 1 : 0);
        if (span < 0)
            lo += span;
        else
            hi += span;
    }
    if (hi - lo > BUF)
        return NULL;
    ptrdiff_t offset = -lo + (ptrdiff_t)fuzz_below(in, (unsigned)(BUF - (hi - lo) + 1));
    (void)empty;
    nda_array *a = nda_wrap(buffer + offset, dt, ndim, shape, strides);
    CHECK(a, "nda_wrap failed: %s", nda_last_error());
    nda_array *v = NULL;
    int axis = ndim ? (int)fuzz_below(in, (unsigned)ndim) : 0;
    switch (fuzz_below(in, 5)) {
    case 1:
        v = nda_transpose(a);
        break;
    case 2:
        if (ndim)
            v = nda_slice(a, axis, fuzz_range(in, -6, 6), fuzz_range(in, -6, 6),
                          fuzz_below(in, 2) ? fuzz_range(in, 1, 4) : -fuzz_range(in, 1, 4));
        break;
    case 3:
        if (ndim && shape[axis] > 0)
            v = nda_index(a, axis, (ptrdiff_t)fuzz_below(in, (unsigned)shape[axis]));
        break;
    default:
        break;
    }
    if (v) {
        nda_release(a);
        return v;
    }
    return a;
}

/* Marks the bytes of every element of a. */
static void mark(const nda_array *a, bool *bytes)
{
    int ndim = nda_ndim(a);
    const ptrdiff_t *shape = nda_shape(a), *strides = nda_strides(a);
    size_t item = nda_itemsize(nda_dtype_of(a));
    const char *data = nda_cdata(a);
    if (nda_size(a) == 0)
        return;
    ptrdiff_t idx[NDA_MAXDIMS] = {0};
    for (;;) {
        ptrdiff_t off = data - buffer;
        for (int k = 0; k < ndim; k++)
            off += idx[k] * strides[k];
        CHECK(off >= 0 && off + (ptrdiff_t)item <= BUF, "an element at byte %td is outside", off);
        for (size_t b = 0; b < item; b++)
            bytes[off + (ptrdiff_t)b] = true;
        int k = ndim - 1;
        while (k >= 0 && ++idx[k] == shape[k])
            idx[k--] = 0;
        if (k < 0)
            break;
    }
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    fuzz_input in = {data, size};
    nda_array *a = random_view(&in), *b = random_view(&in);
    ptrdiff_t work = (ptrdiff_t)fuzz_below(&in, 12) - 1;
    if (a && b) {
        static bool in_a[BUF], in_b[BUF];
        memset(in_a, 0, sizeof in_a);
        memset(in_b, 0, sizeof in_b);
        mark(a, in_a);
        mark(b, in_b);
        bool shared = false;
        for (int i = 0; i < BUF && !shared; i++)
            shared = in_a[i] && in_b[i];
        nda_overlap exact = nda_shares_memory(a, b, -1);
        CHECK(exact == (shared ? NDA_OVERLAP_YES : NDA_OVERLAP_NO),
              "exact answer %d, brute force %d (%s)", exact, shared, nda_last_error());
        CHECK(nda_last_status() == NDA_OK, "status %d after an exact answer", nda_last_status());
        CHECK(nda_shares_memory(b, a, -1) == exact, "not symmetric");
        bool may = nda_may_share_memory(a, b);
        CHECK(may || !shared, "may_share_memory says no, but they share a byte");
        nda_overlap bounded = nda_shares_memory(a, b, work);
        CHECK(bounded == exact || bounded == NDA_OVERLAP_TOO_HARD,
              "max_work %td answered %d, the exact answer is %d", work, bounded, exact);
        if (work == 0)
            CHECK(bounded == (may ? NDA_OVERLAP_TOO_HARD : NDA_OVERLAP_NO),
                  "max_work 0 must only compare extents (got %d, extents overlap %d)", bounded, may);
        CHECK(nda_shares_memory(a, a, -1) == (nda_size(a) > 0 ? NDA_OVERLAP_YES : NDA_OVERLAP_NO),
              "an array and itself");
    }
    nda_release(a);
    nda_release(b);
    return 0;
}
