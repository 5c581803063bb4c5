/* Runtime benchmark, the nda side: times nda_copy on contiguous and strided layouts, memcpy as
 * the physical limit, and nda_shares_memory on pairs of views. Prints one JSON object per line;
 * compare.py times NumPy on the same layouts (it rebuilds them from the "expr" fields and checks
 * that shape, strides and offset agree), checks the results equal, and prints the table.
 *
 * Every copy is checked here against an independent element-by-element gather and its CRC-32
 * (zlib's) is reported so that compare.py can check it against NumPy's copy of the same data.
 *
 * Usage: bench_runtime [--quick] [--seconds S] [--only TEXT]
 *   --quick      one repetition per case (a smoke test of the cases and checks)
 *   --seconds S  time budget per case and side (default 0.4): reps = S / first run, 5..500
 *   --only TEXT  only the cases whose name contains TEXT */
#define _DEFAULT_SOURCE /* clock_gettime, madvise */
#include <nda.h>

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

static double budget = 0.4;
static int quick = 0;
static const char *only = NULL; /* run only the cases whose name contains this */

static int selected(const char *name)
{
    return !only || strstr(name, only) != NULL;
}

static double now(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec * 1e-9;
}

/* Keeps the compiler from dropping work whose result is otherwise unused. */
static void escape(const void *p)
{
    __asm__ volatile("" : : "r"(p) : "memory");
}

static void die(const char *what)
{
    fprintf(stderr, "bench_runtime: %s (%s: %s)\n", what, nda_status_name(nda_last_status()),
            nda_last_error());
    exit(1);
}

static int by_value(const void *x, const void *y)
{
    double a = *(const double *)x, b = *(const double *)y;
    return (a > b) - (a < b);
}

typedef struct {
    double best, median;
    int reps;
} timing;

static timing summarize(double *t, int n)
{
    qsort(t, (size_t)n, sizeof *t, by_value);
    timing r = {t[0], n % 2 ? t[n / 2] : 0.5 * (t[n / 2 - 1] + t[n / 2]), n};
    return r;
}

enum { MAX_REPS = 500 };

static int reps_for(double first)
{
    if (quick)
        return 1;
    int reps = first > 0 ? (int)(budget / first) : MAX_REPS;
    return reps < 5 ? 5 : reps > MAX_REPS ? MAX_REPS : reps;
}

/* ---- CRC-32 as zlib.crc32 computes it ------------------------------------------------------ */
static uint32_t crc_table[8][256];

static void crc_init(void)
{
    for (uint32_t i = 0; i < 256; i++) {
        uint32_t c = i;
        for (int k = 0; k < 8; k++)
            c = c & 1 ? 0xEDB88320u ^ (c >> 1) : c >> 1;
        crc_table[0][i] = c;
    }
    for (uint32_t i = 0; i < 256; i++)
        for (int t = 1; t < 8; t++)
            crc_table[t][i] = (crc_table[t - 1][i] >> 8) ^ crc_table[0][crc_table[t - 1][i] & 0xff];
}

static uint32_t crc32_bytes(const unsigned char *p, size_t n)
{
    uint32_t c = 0xFFFFFFFFu;
    for (; n >= 8; n -= 8, p += 8) {
        uint32_t lo = c ^ ((uint32_t)p[0] | (uint32_t)p[1] << 8 | (uint32_t)p[2] << 16 |
                           (uint32_t)p[3] << 24);
        c = crc_table[7][lo & 0xff] ^ crc_table[6][(lo >> 8) & 0xff] ^
            crc_table[5][(lo >> 16) & 0xff] ^ crc_table[4][lo >> 24] ^ crc_table[3][p[4]] ^
            crc_table[2][p[5]] ^ crc_table[1][p[6]] ^ crc_table[0][p[7]];
    }
    while (n--)
        c = crc_table[0][(c ^ *p++) & 0xff] ^ (c >> 8);
    return c ^ 0xFFFFFFFFu;
}

/* ---- Arrays -------------------------------------------------------------------------------- */
static const char *dtype_code(nda_dtype dt)
{
    switch (dt) {
    case NDA_FLOAT64:
        return "f8";
    case NDA_FLOAT32:
        return "f4";
    case NDA_INT64:
        return "i8";
    case NDA_INT32:
        return "i4";
    case NDA_UINT8:
        return "u1";
    }
    return "?";
}

/* A base whose element i holds i converted to the dtype (uint8 wraps), as compare.py's
 * np.arange(n).astype(dtype). */
static nda_array *make_base(nda_dtype dt, int ndim, const ptrdiff_t *shape)
{
    nda_array *a = nda_empty(dt, ndim, shape);
    if (!a)
        die("nda_empty");
    ptrdiff_t n = nda_size(a);
    void *p = nda_data(a);
    for (ptrdiff_t i = 0; i < n; i++) {
        switch (dt) {
        case NDA_FLOAT64:
            ((double *)p)[i] = (double)i;
            break;
        case NDA_FLOAT32:
            ((float *)p)[i] = (float)i;
            break;
        case NDA_INT64:
            ((int64_t *)p)[i] = i;
            break;
        case NDA_INT32:
            ((int32_t *)p)[i] = (int32_t)i;
            break;
        case NDA_UINT8:
            ((uint8_t *)p)[i] = (uint8_t)(i & 0xff);
            break;
        }
    }
    return a;
}

static size_t nbytes(const nda_array *a)
{
    return (size_t)nda_size(a) * nda_itemsize(nda_dtype_of(a));
}

/* Element-by-element gather in C order, independent of the runtime's copy loops. */
static void gather(const nda_array *a, unsigned char *out)
{
    int nd = nda_ndim(a);
    const ptrdiff_t *shape = nda_shape(a), *strides = nda_strides(a);
    size_t item = nda_itemsize(nda_dtype_of(a));
    ptrdiff_t n = nda_size(a), idx[NDA_MAXDIMS] = {0};
    const unsigned char *p = nda_cdata(a);
    for (ptrdiff_t e = 0; e < n; e++) {
        memcpy(out + (size_t)e * item, p, item);
        for (int k = nd - 1; k >= 0; k--) {
            p += strides[k];
            if (++idx[k] < shape[k])
                break;
            p -= strides[k] * shape[k];
            idx[k] = 0;
        }
    }
}

static void print_ints(const char *key, int n, const ptrdiff_t *v)
{
    printf("\"%s\": [", key);
    for (int k = 0; k < n; k++)
        printf("%s%td", k ? ", " : "", v[k]);
    printf("]");
}

static void print_layout(const char *key, const nda_array *base, const nda_array *v,
                         const char *expr)
{
    printf("\"%s\": {\"expr\": \"%s\", \"offset\": %td, ", key, expr,
           (const char *)nda_cdata(v) - (const char *)nda_cdata(base));
    print_ints("shape", nda_ndim(v), nda_shape(v));
    printf(", ");
    print_ints("strides", nda_ndim(v), nda_strides(v));
    printf("}");
}

static void print_base(const nda_array *base)
{
    printf("\"base\": {\"dtype\": \"%s\", ", dtype_code(nda_dtype_of(base)));
    print_ints("shape", nda_ndim(base), nda_shape(base));
    printf("}");
}

static void print_timing(const char *key, timing t)
{
    printf("\"%s\": {\"best\": %.9g, \"median\": %.9g, \"reps\": %d}", key, t.best, t.median,
           t.reps);
}

/* ---- 1. Contiguous copy against memcpy ------------------------------------------------------ */
/* A buffer advised to use transparent huge pages, as nda and NumPy do for large arrays. */
static void *huge_malloc(size_t bytes)
{
    void *p = malloc(bytes);
    if (!p)
        die("malloc");
    uintptr_t lo = ((uintptr_t)p + 4095) & ~(uintptr_t)4095;
    uintptr_t hi = ((uintptr_t)p + bytes) & ~(uintptr_t)4095;
    if (hi > lo)
        madvise((void *)lo, hi - lo, MADV_HUGEPAGE);
    return p;
}

enum { NDA_COPY, NDA_COPYTO, MEMCPY, FRESH_MEMCPY, FRESH_MEMCPY_4K, LIMIT_VARIANTS };
static const char *const limit_keys[LIMIT_VARIANTS] = {"nda_copy", "nda_copyto", "memcpy",
                                                       "fresh_memcpy", "fresh_memcpy_4k"};

/* nda_copy allocates, copies and releases: its physical limit is memcpy into memory that is
 * already mapped (which nda_copyto into an existing array can reach), and the same work done by
 * hand is malloc + madvise + memcpy + free. The variants take turns, one run each per round. */
static void bench_contiguous(void)
{
    const ptrdiff_t n = (ptrdiff_t)64 << 20 >> 3; /* 64 MiB of float64 */
    nda_array *src = make_base(NDA_FLOAT64, 1, &n);
    size_t bytes = nbytes(src);
    const void *s = nda_cdata(src);
    nda_array *d = nda_zeros(NDA_FLOAT64, 1, &n);
    void *mapped = huge_malloc(bytes);
    if (!d)
        die("nda_zeros");
    memset(mapped, 1, bytes);

    double t0 = now();
    nda_array *c = nda_copy(src);
    double first = now() - t0;
    if (!c)
        die("nda_copy");
    if (memcmp(nda_cdata(c), s, bytes) != 0) {
        fprintf(stderr, "bench_runtime: contiguous nda_copy differs from its source\n");
        exit(1);
    }
    uint32_t crc = crc32_bytes(nda_cdata(c), bytes);
    nda_release(c);
    t0 = now(); /* the first run maps fresh memory: time a second one to choose the reps */
    nda_release(nda_copy(src));
    first = now() - t0;

    static double t[LIMIT_VARIANTS][MAX_REPS];
    int reps = reps_for(first);
    for (int r = 0; r < reps; r++) {
        for (int v = 0; v < LIMIT_VARIANTS; v++) {
            void *p;
            t0 = now();
            switch (v) {
            case NDA_COPY:
                c = nda_copy(src);
                escape(nda_cdata(c));
                nda_release(c);
                break;
            case NDA_COPYTO:
                if (nda_copyto(d, src) != NDA_OK)
                    die("nda_copyto");
                escape(nda_cdata(d));
                break;
            case MEMCPY:
                memcpy(mapped, s, bytes);
                escape(mapped);
                break;
            case FRESH_MEMCPY:
                p = huge_malloc(bytes);
                memcpy(p, s, bytes);
                escape(p);
                free(p);
                break;
            case FRESH_MEMCPY_4K:
                p = malloc(bytes);
                if (!p)
                    die("malloc");
                memcpy(p, s, bytes);
                escape(p);
                free(p);
                break;
            }
            t[v][r] = now() - t0;
        }
    }
    if (memcmp(nda_cdata(d), s, bytes) != 0 || memcmp(mapped, s, bytes) != 0) {
        fprintf(stderr, "bench_runtime: a contiguous copy differs from its source\n");
        exit(1);
    }
    free(mapped);
    nda_release(d);

    printf("{\"kind\": \"limit\", \"name\": \"contiguous f8 64 MiB\", \"bytes\": %zu, ", bytes);
    print_base(src);
    printf(", \"crc\": \"%08x\"", crc);
    for (int v = 0; v < LIMIT_VARIANTS; v++) {
        printf(", ");
        print_timing(limit_keys[v], summarize(t[v], reps));
    }
    printf("}\n");
    fflush(stdout);
    nda_release(src);
}

/* ---- 2. Copies of strided layouts ----------------------------------------------------------- */
typedef nda_array *(*view_fn)(nda_array *base);

static nda_array *v_same(nda_array *b)
{
    return nda_view(b);
}
static nda_array *v_transpose(nda_array *b)
{
    return nda_transpose(b);
}
static nda_array *v_step2(nda_array *b)
{
    return nda_slice(b, 0, 0, NDA_END, 2);
}
static nda_array *v_reverse(nda_array *b)
{
    return nda_slice(b, 0, -1, NDA_END, -1);
}
static nda_array *v_cols2(nda_array *b)
{
    return nda_slice(b, 1, 0, NDA_END, 2);
}
static nda_array *v_sub2(nda_array *b)
{
    nda_array *rows = nda_slice(b, 0, 0, NDA_END, 2);
    nda_array *v = rows ? nda_slice(rows, 1, 0, NDA_END, 2) : NULL;
    nda_release(rows);
    return v;
}
static nda_array *v_transpose_step2(nda_array *b)
{
    nda_array *t = nda_transpose(b);
    nda_array *v = t ? nda_slice(t, 0, 0, NDA_END, 2) : NULL;
    nda_release(t);
    return v;
}

typedef struct {
    const char *name;
    const char *expr; /* the same view in NumPy, over the base B */
    nda_dtype dt;
    int ndim;
    ptrdiff_t shape[3];
    view_fn view;
} copy_case;

static const copy_case copy_cases[] = {
    {"contiguous f8 8Mi (64 MiB)", "B", NDA_FLOAT64, 1, {8 << 20}, v_same},
    {"transpose f8 2048x2048", "B.T", NDA_FLOAT64, 2, {2048, 2048}, v_transpose},
    {"transpose f8 1000x1000", "B.T", NDA_FLOAT64, 2, {1000, 1000}, v_transpose},
    {"transpose f8 4096x4096", "B.T", NDA_FLOAT64, 2, {4096, 4096}, v_transpose},
    {"transpose f8 512x512", "B.T", NDA_FLOAT64, 2, {512, 512}, v_transpose},
    {"transpose f8 8192x256", "B.T", NDA_FLOAT64, 2, {8192, 256}, v_transpose},
    {"transpose f4 4096x4096", "B.T", NDA_FLOAT32, 2, {4096, 4096}, v_transpose},
    {"transpose u1 4096x4096", "B.T", NDA_UINT8, 2, {4096, 4096}, v_transpose},
    {"transpose f8 128x128x128", "B.T", NDA_FLOAT64, 3, {128, 128, 128}, v_transpose},
    {"transpose[::2] f8 2048x2048", "B.T[::2]", NDA_FLOAT64, 2, {2048, 2048}, v_transpose_step2},
    {"step-2 1-D f8 16Mi", "B[::2]", NDA_FLOAT64, 1, {16 << 20}, v_step2},
    {"step-2 1-D f4 16Mi", "B[::2]", NDA_FLOAT32, 1, {16 << 20}, v_step2},
    {"step-2 1-D u1 64Mi", "B[::2]", NDA_UINT8, 1, {64 << 20}, v_step2},
    {"reversed 1-D f8 8Mi", "B[::-1]", NDA_FLOAT64, 1, {8 << 20}, v_reverse},
    {"step-2 2-D [::2, ::2] f8 4096x4096", "B[::2, ::2]", NDA_FLOAT64, 2, {4096, 4096}, v_sub2},
    {"step-2 2-D [::2, ::2] f8 1000x1000", "B[::2, ::2]", NDA_FLOAT64, 2, {1000, 1000}, v_sub2},
    {"step-2 2-D [:, ::2] f8 2048x2048", "B[:, ::2]", NDA_FLOAT64, 2, {2048, 2048}, v_cols2},
    {"step-2 2-D [::2] f8 2048x2048", "B[::2]", NDA_FLOAT64, 2, {2048, 2048}, v_step2},
};

static void bench_copy(const copy_case *cc)
{
    nda_array *base = make_base(cc->dt, cc->ndim, cc->shape);
    nda_array *v = cc->view(base);
    if (!v)
        die(cc->name);
    size_t bytes = nbytes(v);
    unsigned char *expect = malloc(bytes ? bytes : 1);
    if (!expect)
        die("malloc");
    gather(v, expect);

    double t0 = now();
    nda_array *c = nda_copy(v);
    double first = now() - t0;
    if (!c)
        die("nda_copy");
    if (!nda_is_c_contiguous(c) || nda_ndim(c) != nda_ndim(v) ||
        memcmp(nda_cdata(c), expect, bytes) != 0) {
        fprintf(stderr, "bench_runtime: %s: nda_copy differs from the reference gather\n",
                cc->name);
        exit(1);
    }
    uint32_t crc = crc32_bytes(nda_cdata(c), bytes);
    nda_release(c);
    free(expect);
    t0 = now(); /* the first run maps fresh memory: time a second one to choose the reps */
    nda_release(nda_copy(v));
    first = now() - t0;

    double t[MAX_REPS];
    int reps = reps_for(first);
    for (int r = 0; r < reps; r++) {
        t0 = now();
        c = nda_copy(v);
        escape(nda_cdata(c));
        nda_release(c);
        t[r] = now() - t0;
    }
    timing tm = summarize(t, reps);

    printf("{\"kind\": \"copy\", \"name\": \"%s\", \"bytes\": %zu, ", cc->name, bytes);
    print_base(base);
    printf(", ");
    print_layout("a", base, v, cc->expr);
    printf(", \"crc\": \"%08x\", ", crc);
    print_timing("nda", tm);
    printf("}\n");
    fflush(stdout);
    nda_release(v);
    nda_release(base);
}

/* ---- 3. nda_shares_memory on pairs of views -------------------------------------------------- */
typedef struct {
    ptrdiff_t offset; /* in elements of the base */
    int ndim;         /* 0: the base itself, or `view` applied to it */
    ptrdiff_t shape[4], strides[4];
    view_fn view;
    const char *expr;
} pair_view;

typedef struct {
    const char *name;
    nda_dtype dt;
    int ndim;
    ptrdiff_t shape[2];
    pair_view a, b;
} share_case;

static nda_array *v_halves_lo(nda_array *b)
{
    return nda_slice(b, 0, 0, nda_shape(b)[0] / 2, 1);
}
static nda_array *v_halves_hi(nda_array *b)
{
    return nda_slice(b, 0, nda_shape(b)[0] / 2, NDA_END, 1);
}
static nda_array *v_odd(nda_array *b)
{
    return nda_slice(b, 0, 1, NDA_END, 2);
}
static nda_array *v_odd_cols(nda_array *b)
{
    return nda_slice(b, 1, 1, NDA_END, 2);
}
static nda_array *v_odd_cols_t(nda_array *b)
{
    nda_array *c = v_odd_cols(b);
    nda_array *t = c ? nda_transpose(c) : NULL;
    nda_release(c);
    return t;
}
static nda_array *v_left_half(nda_array *b)
{
    return nda_slice(b, 1, 0, nda_shape(b)[1] / 2, 1);
}
static nda_array *v_right_half_t(nda_array *b)
{
    nda_array *r = nda_slice(b, 1, nda_shape(b)[1] / 2, NDA_END, 1);
    nda_array *t = r ? nda_transpose(r) : NULL;
    nda_release(r);
    return t;
}

#define VIEW(fn, text)                                                                             \
    {                                                                                              \
        0, 0, {0}, {0}, fn, text                                                                   \
    }
#define STRIDED(off, nd, shp, str, text)                                                           \
    {                                                                                              \
        off, nd, shp, str, NULL, text                                                              \
    }
#define L(...)                                                                                     \
    {                                                                                              \
        __VA_ARGS__                                                                                \
    }

static const share_case share_cases[] = {
    {"disjoint halves 1-D f8",
     NDA_FLOAT64,
     1,
     {1 << 20},
     VIEW(v_halves_lo, "B[:B.shape[0]//2]"),
     VIEW(v_halves_hi, "B[B.shape[0]//2:]")},
    {"interleaved step-2 1-D f8",
     NDA_FLOAT64,
     1,
     {1 << 20},
     VIEW(v_step2, "B[0::2]"),
     VIEW(v_odd, "B[1::2]")},
    {"same step-2 slice 1-D f8",
     NDA_FLOAT64,
     1,
     {1 << 20},
     VIEW(v_step2, "B[0::2]"),
     VIEW(v_step2, "B[0::2]")},
    {"interleaved rows 2-D f8",
     NDA_FLOAT64,
     2,
     {1024, 1024},
     VIEW(v_step2, "B[0::2]"),
     VIEW(v_odd, "B[1::2]")},
    {"interleaved cols 2-D f8",
     NDA_FLOAT64,
     2,
     {1024, 1024},
     VIEW(v_cols2, "B[:, 0::2]"),
     VIEW(v_odd_cols, "B[:, 1::2]")},
    {"transpose vs base f8",
     NDA_FLOAT64,
     2,
     {1024, 1024},
     VIEW(v_same, "B"),
     VIEW(v_transpose, "B.T")},
    {"cols 0::2 vs (cols 1::2).T f8",
     NDA_FLOAT64,
     2,
     {1024, 1024},
     VIEW(v_cols2, "B[:, 0::2]"),
     VIEW(v_odd_cols_t, "B[:, 1::2].T")},
    {"left half vs (right half).T f8",
     NDA_FLOAT64,
     2,
     {1024, 1024},
     VIEW(v_left_half, "B[:, :B.shape[1]//2]"),
     VIEW(v_right_half_t, "B[:, B.shape[1]//2:].T")},
    {"as_strided windows vs slice f8",
     NDA_FLOAT64,
     1,
     {1 << 20},
     STRIDED(0, 2, L(1000, 1000), L(8, 8), "as_strided(B, (1000, 1000), (8, 8))"),
     STRIDED(1500, 1, L(1000), L(8), "as_strided(B[1500:], (1000,), (8,))")},
    {"as_strided stride-24 interleaved i8",
     NDA_INT64,
     1,
     {3 << 18},
     STRIDED(0, 1, L(1 << 18), L(24), "as_strided(B, (1 << 18,), (24,))"),
     STRIDED(1, 1, L((1 << 18) - 1), L(24), "as_strided(B[1:], ((1 << 18) - 1,), (24,))")},
    {"as_strided 4-D search, overlap u1",
     NDA_UINT8,
     1,
     {1 << 22},
     STRIDED(0, 4, L(43, 54, 9, 52), L(4237, 212, 4847, 1676),
             "as_strided(B, (43, 54, 9, 52), (4237, 212, 4847, 1676))"),
     STRIDED(641, 4, L(15, 35, 14, 22), L(570, 500, 1716, 2494),
             "as_strided(B[641:], (15, 35, 14, 22), (570, 500, 1716, 2494))")},
    {"as_strided 3-D search, disjoint u1",
     NDA_UINT8,
     1,
     {1 << 22},
     STRIDED(0, 3, L(15, 10, 30), L(817, 2476, 1318),
             "as_strided(B, (15, 10, 30), (817, 2476, 1318))"),
     STRIDED(953, 3, L(31, 36, 8), L(2514, 1596, 2914),
             "as_strided(B[953:], (31, 36, 8), (2514, 1596, 2914))")},
};

static nda_array *make_pair_view(nda_array *base, const pair_view *pv)
{
    if (pv->view)
        return pv->view(base);
    nda_array *at = nda_slice(base, 0, pv->offset, NDA_END, 1);
    nda_array *v = at ? nda_as_strided(at, pv->ndim, pv->shape, pv->strides) : NULL;
    nda_release(at);
    return v;
}

static void bench_shares(const share_case *sc)
{
    nda_array *base = make_base(sc->dt, sc->ndim, sc->shape);
    nda_array *a = make_pair_view(base, &sc->a), *b = make_pair_view(base, &sc->b);
    if (!a || !b)
        die(sc->name);
    nda_overlap result = nda_shares_memory(a, b, -1);
    if (result == NDA_OVERLAP_TOO_HARD)
        die("nda_shares_memory without a work limit");

    /* Calls per sample: enough for about 2 ms. */
    long calls = 1;
    for (;;) {
        double t0 = now();
        for (long i = 0; i < calls; i++) {
            escape(a);
            if (nda_shares_memory(a, b, -1) != result)
                die("nda_shares_memory changed its answer");
        }
        if (now() - t0 > 2e-3 || quick)
            break;
        calls *= 2;
    }
    double t[MAX_REPS];
    int reps = quick ? 1 : 25;
    for (int r = 0; r < reps; r++) {
        double t0 = now();
        for (long i = 0; i < calls; i++) {
            escape(a);
            if (nda_shares_memory(a, b, -1) != result)
                die("nda_shares_memory changed its answer");
        }
        t[r] = (now() - t0) / (double)calls;
    }
    timing tm = summarize(t, reps);

    printf("{\"kind\": \"shares\", \"name\": \"%s\", ", sc->name);
    print_base(base);
    printf(", ");
    print_layout("a", base, a, sc->a.expr);
    printf(", ");
    print_layout("b", base, b, sc->b.expr);
    printf(", \"result\": %s, \"calls\": %ld, ", result == NDA_OVERLAP_YES ? "true" : "false",
           calls);
    print_timing("nda", tm);
    printf("}\n");
    fflush(stdout);
    nda_release(a);
    nda_release(b);
    nda_release(base);
}

/* Each case runs in a child process of its own, as compare.py does for NumPy: the allocator's
 * state (heap top, glibc's dynamic mmap threshold) then does not carry over from one case to the
 * next, and both sides start every case from the same kind of state. */
typedef enum { CONTIGUOUS, COPY, SHARES } case_kind;

static void run_isolated(case_kind kind, const void *c)
{
    fflush(stdout);
    pid_t pid = fork();
    if (pid == 0 || pid < 0) {
        if (kind == CONTIGUOUS)
            bench_contiguous();
        else if (kind == COPY)
            bench_copy(c);
        else
            bench_shares(c);
        if (pid < 0)
            return;
        fflush(stdout);
        _exit(0);
    }
    int status;
    if (waitpid(pid, &status, 0) != pid || !WIFEXITED(status) || WEXITSTATUS(status) != 0) {
        fprintf(stderr, "bench_runtime: a case failed\n");
        exit(1);
    }
}

int main(int argc, char **argv)
{
    for (int i = 1; i < argc; i++) {
        if (strcmp(argv[i], "--quick") == 0) {
            quick = 1;
        } else if (strcmp(argv[i], "--seconds") == 0 && i + 1 < argc) {
            budget = atof(argv[++i]);
        } else if (strcmp(argv[i], "--only") == 0 && i + 1 < argc) {
            only = argv[++i];
        } else {
            fprintf(stderr, "usage: %s [--quick] [--seconds S] [--only TEXT]\n", argv[0]);
            return 2;
        }
    }
    crc_init();
    if (selected("contiguous f8 64 MiB"))
        run_isolated(CONTIGUOUS, NULL);
    for (size_t i = 0; i < sizeof copy_cases / sizeof *copy_cases; i++)
        if (selected(copy_cases[i].name))
            run_isolated(COPY, &copy_cases[i]);
    for (size_t i = 0; i < sizeof share_cases / sizeof *share_cases; i++)
        if (selected(share_cases[i].name))
            run_isolated(SHARES, &share_cases[i]);
    return 0;
}
