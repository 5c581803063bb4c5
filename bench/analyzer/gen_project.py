#!/usr/bin/env python3
"""Writes a realistic multi-file C project ("lumen", a small data-processing toolkit) that uses the
nda API, for the analyzer benchmark (bench/README.md).

    gen_project.py OUT_DIR [--lines N] [--seed S] [--nda-include DIR]

The project is a deterministic function of (--lines, --seed): the same arguments give the same
files byte for byte. It has at least 100 modules, each a header in include/lumen/ and a source
file in src/<group>/, and at least N lines (default 50,000) of C in total. Modules are layered:
a module calls the public functions of modules generated before it (and its own), so calls
cross files the way they do in a real library. The code mixes

  - nda array code: views (slices, rows, transposes, diagonals, as_strided windows), maybe-views
    (reshape, ravel), kernels (add, sub, axpy, scale, copyto), raw data pointers, structs that
    hold handles and their data pointers, a retained cache, recursion over halves of a view,
    goto-cleanup error handling, loops and switches;
  - ordinary C: string trimming and splitting, number and key=value parsing with strtod/strtol
    and errno, escaping, hashing, CRC tables, qsort comparators, growable buffers with realloc,
    a chained hash table, varargs logging, enum-to-string switches.

CMakeLists.txt builds the static library liblumen (and, given -DNDA_LIBRARY=path/to/libnda.a,
the lumen-tool program); configure with -DCMAKE_EXPORT_COMPILE_COMMANDS=ON to get the compile
database. Every file compiles warning-free with clang-19 -std=c11 -Wall -Wextra."""
import argparse
import os
import random
import string
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(HERE))

GROUPS = ["core", "io", "text", "filter", "stats", "geom", "signal", "table", "cache", "plan"]
SUBJECTS = ["img", "sig", "grid", "mesh", "spec", "tab", "cloud", "seq", "frame", "tile", "band",
            "trace", "field", "volume", "series", "sample", "pixel", "chan"]
ROLES = ["filter", "stats", "reader", "parse", "cache", "kernel", "window", "codec", "plan",
         "index", "norm", "merge", "probe", "score", "shape"]
ROLE_GROUP = {"filter": "filter", "stats": "stats", "reader": "io", "parse": "text",
              "cache": "cache", "kernel": "signal", "window": "signal", "codec": "io",
              "plan": "plan", "index": "table", "norm": "stats", "merge": "table",
              "probe": "geom", "score": "stats", "shape": "geom"}


def tmpl(text, **kw):
    """string.Template substitution, returning a list of lines (the text is C, so $NAME marks
    the holes and braces stay braces)."""
    return string.Template(text).substitute(**kw).strip("\n").split("\n")


# ---- The fixed base module: logging, buffers, small allocation helpers ------------------------

COMMON_H = r"""/* lumen: common definitions shared by every module. */
#ifndef LUMEN_COMMON_H
#define LUMEN_COMMON_H

#include <nda.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#define LM_ARRAY_LEN(a) (sizeof(a) / sizeof((a)[0]))
#define LM_MIN(a, b) ((a) < (b) ? (a) : (b))
#define LM_MAX(a, b) ((a) > (b) ? (a) : (b))
#define LM_MAX_FIELDS 32
#define LM_FIELD_LEN 64
#define LM_LABEL_LEN 32

#if defined(__GNUC__) || defined(__clang__)
#define LM_PRINTF(f, a) __attribute__((format(printf, f, a)))
#else
#define LM_PRINTF(f, a)
#endif

enum lm_level { LM_DEBUG, LM_INFO, LM_WARN, LM_ERROR };

/* A growable, always NUL-terminated character buffer. */
typedef struct lm_buf {
    char *data;
    size_t len;
    size_t cap;
} lm_buf;

extern int lm_verbosity;

void lm_log(enum lm_level level, const char *fmt, ...) LM_PRINTF(2, 3);
void lm_vlog(enum lm_level level, const char *fmt, va_list ap);
const char *lm_level_name(enum lm_level level);

void *lm_xmalloc(size_t n);
void *lm_xcalloc(size_t n, size_t size);
char *lm_xstrdup(const char *s);
char *lm_xstrndup(const char *s, size_t n);

void lm_buf_init(lm_buf *b);
int lm_buf_reserve(lm_buf *b, size_t extra);
int lm_buf_append(lm_buf *b, const char *s, size_t n);
int lm_buf_appends(lm_buf *b, const char *s);
int lm_buf_appendf(lm_buf *b, const char *fmt, ...) LM_PRINTF(2, 3);
char *lm_buf_detach(lm_buf *b);
void lm_buf_free(lm_buf *b);

int lm_report_status(const char *where, nda_status st);

static inline double lm_clamp(double v, double lo, double hi)
{
    return v < lo ? lo : v > hi ? hi : v;
}

static inline unsigned lm_popcount32(uint32_t x)
{
    unsigned n = 0;
    while (x) {
        x &= x - 1;
        n++;
    }
    return n;
}

static inline int lm_is_space(int c)
{
    return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v';
}

#endif /* LUMEN_COMMON_H */
"""

COMMON_C = r"""/* lumen: logging, allocation helpers and the growable buffer. */
#include "lumen/common.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

int lm_verbosity = LM_WARN;

const char *lm_level_name(enum lm_level level)
{
    switch (level) {
    case LM_DEBUG:
        return "debug";
    case LM_INFO:
        return "info";
    case LM_WARN:
        return "warning";
    case LM_ERROR:
        return "error";
    }
    return "?";
}

void lm_vlog(enum lm_level level, const char *fmt, va_list ap)
{
    if ((int)level < lm_verbosity)
        return;
    fprintf(stderr, "lumen: %s: ", lm_level_name(level));
    vfprintf(stderr, fmt, ap);
    fputc('\n', stderr);
}

void lm_log(enum lm_level level, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    lm_vlog(level, fmt, ap);
    va_end(ap);
}

void *lm_xmalloc(size_t n)
{
    void *p = malloc(n ? n : 1);
    if (!p) {
        lm_log(LM_ERROR, "out of memory (%zu bytes)", n);
        abort();
    }
    return p;
}

void *lm_xcalloc(size_t n, size_t size)
{
    void *p = calloc(n ? n : 1, size ? size : 1);
    if (!p) {
        lm_log(LM_ERROR, "out of memory (%zu x %zu bytes)", n, size);
        abort();
    }
    return p;
}

char *lm_xstrndup(const char *s, size_t n)
{
    size_t len = 0;
    while (len < n && s[len])
        len++;
    char *copy = lm_xmalloc(len + 1);
    memcpy(copy, s, len);
    copy[len] = '\0';
    return copy;
}

char *lm_xstrdup(const char *s)
{
    return lm_xstrndup(s, strlen(s));
}

void lm_buf_init(lm_buf *b)
{
    b->data = NULL;
    b->len = 0;
    b->cap = 0;
}

int lm_buf_reserve(lm_buf *b, size_t extra)
{
    if (b->len + extra + 1 <= b->cap)
        return 0;
    size_t cap = b->cap ? b->cap : 64;
    while (cap < b->len + extra + 1)
        cap *= 2;
    char *grown = realloc(b->data, cap);
    if (!grown)
        return -1;
    b->data = grown;
    b->cap = cap;
    return 0;
}

int lm_buf_append(lm_buf *b, const char *s, size_t n)
{
    if (lm_buf_reserve(b, n) != 0)
        return -1;
    memcpy(b->data + b->len, s, n);
    b->len += n;
    b->data[b->len] = '\0';
    return 0;
}

int lm_buf_appends(lm_buf *b, const char *s)
{
    return lm_buf_append(b, s, strlen(s));
}

int lm_buf_appendf(lm_buf *b, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    int need = vsnprintf(NULL, 0, fmt, ap);
    va_end(ap);
    if (need < 0 || lm_buf_reserve(b, (size_t)need) != 0)
        return -1;
    va_start(ap, fmt);
    vsnprintf(b->data + b->len, b->cap - b->len, fmt, ap);
    va_end(ap);
    b->len += (size_t)need;
    return 0;
}

char *lm_buf_detach(lm_buf *b)
{
    char *data = b->data;
    lm_buf_init(b);
    return data;
}

void lm_buf_free(lm_buf *b)
{
    free(b->data);
    lm_buf_init(b);
}

int lm_report_status(const char *where, nda_status st)
{
    if (st == NDA_OK)
        return 0;
    lm_log(LM_WARN, "%s: %s (%s)", where, nda_status_name(st), nda_last_error());
    return -1;
}
"""

ARRAYS_H = r"""/* lumen: constructors for test and working arrays. */
#ifndef LUMEN_ARRAYS_H
#define LUMEN_ARRAYS_H

#include "lumen/common.h"

nda_array *lm_vector(ptrdiff_t n, double seed);
nda_array *lm_matrix(ptrdiff_t rows, ptrdiff_t cols, double seed);
nda_array *lm_like(const nda_array *a);
int lm_same_shape(const nda_array *a, const nda_array *b);
double lm_mean(const nda_array *a);
int lm_describe(lm_buf *out, const char *name, const nda_array *a);

#endif /* LUMEN_ARRAYS_H */
"""

ARRAYS_C = r"""/* lumen: constructors for test and working arrays. */
#include "lumen/arrays.h"

#include <math.h>
#include <stdio.h>
#include <string.h>

nda_array *lm_vector(ptrdiff_t n, double seed)
{
    nda_array *v = nda_empty(NDA_FLOAT64, 1, &n);
    if (!v)
        return NULL;
    double *p = nda_data(v);
    double x = seed;
    for (ptrdiff_t i = 0; i < n; i++) {
        x = fmod(x * 1103.515245 + 12.345, 1000.0);
        p[i] = x / 100.0 - 5.0;
    }
    return v;
}

nda_array *lm_matrix(ptrdiff_t rows, ptrdiff_t cols, double seed)
{
    ptrdiff_t n = rows * cols;
    const ptrdiff_t shape[2] = {rows, cols};
    nda_array *flat = lm_vector(n, seed);
    if (!flat)
        return NULL;
    nda_array *m = nda_reshape(flat, 2, shape);
    nda_release(flat);
    return m;
}

nda_array *lm_like(const nda_array *a)
{
    return nda_zeros(nda_dtype_of(a), nda_ndim(a), nda_shape(a));
}

int lm_same_shape(const nda_array *a, const nda_array *b)
{
    if (nda_ndim(a) != nda_ndim(b))
        return 0;
    const ptrdiff_t *sa = nda_shape(a);
    const ptrdiff_t *sb = nda_shape(b);
    for (int i = 0; i < nda_ndim(a); i++)
        if (sa[i] != sb[i])
            return 0;
    return 1;
}

double lm_mean(const nda_array *a)
{
    ptrdiff_t n = nda_size(a);
    return n > 0 ? nda_sum(a) / (double)n : 0.0;
}

int lm_describe(lm_buf *out, const char *name, const nda_array *a)
{
    if (lm_buf_appendf(out, "%s: %d-D (", name, nda_ndim(a)) != 0)
        return -1;
    const ptrdiff_t *shape = nda_shape(a);
    for (int i = 0; i < nda_ndim(a); i++)
        if (lm_buf_appendf(out, i ? ", %td" : "%td", shape[i]) != 0)
            return -1;
    return lm_buf_appendf(out, "), mean %.4g", lm_mean(a));
}
"""

# ---- Function templates -----------------------------------------------------------------------
# Each template writes one public function (sometimes with a static helper before it) of a kind;
# the kind fixes its signature, so later modules can call it:
#   reduce    double f(const nda_array *a)
#   transform int f(nda_array *a, double k)           0 on success, -1 on failure
#   make      nda_array *f(const nda_array *a)        a fresh array (any shape) or NULL
#   load      nda_array *f(const char *text)          a fresh 1-D float64 array or NULL
#   parse     int f(const char *line, double *out, int max)   number of values
#   text      int f(const char *s)                    a count or score, -1 on bad input
#   hash      uint32_t f(const char *s, size_t n)
#   dvec      double f(double *v, size_t n)           may reorder v
#   run       int f(const char *text, int verbose)    0 on success

KIND_SIG = {
    "reduce": "double $F(const nda_array *a)",
    "transform": "int $F(nda_array *a, double k)",
    "make": "nda_array *$F(const nda_array *a)",
    "load": "nda_array *$F(const char *text)",
    "parse": "int $F(const char *line, double *out, int max)",
    "text": "int $F(const char *s)",
    "hash": "uint32_t $F(const char *s, size_t n)",
    "dvec": "double $F(double *v, size_t n)",
    "run": "int $F(const char *text, int verbose)",
}

VERBS = {
    "reduce": ["mean", "energy", "spread", "peak", "trace", "total", "norm", "balance", "level",
               "mass", "moment", "contrast"],
    "transform": ["scale", "smooth", "clip", "blend", "sharpen", "shift", "damp", "center",
                  "equalize", "fold", "mix", "tune"],
    "make": ["snapshot", "transposed", "windows", "profile", "summary", "gradient", "pairs",
             "histogram", "copy", "cumulative", "residual", "outline"],
    "load": ["load", "read", "decode", "import", "ingest", "unpack"],
    "parse": ["parse_values", "scan_numbers", "read_fields", "split_numbers", "decode_row"],
    "text": ["count_tokens", "validate", "score_line", "classify", "count_words", "check_name",
             "measure", "probe_line"],
    "hash": ["hash", "digest", "fingerprint", "checksum", "signature"],
    "dvec": ["median", "trimmed_mean", "range", "quantile", "mode_bucket"],
    "run": ["run", "process", "pipeline", "execute", "apply_all", "evaluate"],
}


class Module:
    def __init__(self, index, group, name):
        self.index = index
        self.group = group
        self.name = name  # e.g. img_filter
        self.upper = name.upper()
        self.deps = []  # other modules whose headers this one includes
        self.protos = []  # (kind, name, prototype)
        self.body = []  # lines of the .c after the includes
        self.has_state = False
        self.state_fns = None
        self.mode_enum = False
        self.static_names = set()

    def header_path(self):
        return f"include/lumen/{self.name}.h"

    def source_path(self):
        return f"src/{self.group}/{self.name}.c"


class Gen:
    def __init__(self, seed):
        self.rng = random.Random(seed)
        self.modules = []
        self.registry = {k: [] for k in KIND_SIG}  # kind -> [(module, name)]
        self.states = []  # modules with a state struct
        self.used_names = set()

    # -- picking callees -------------------------------------------------------------------
    def callee(self, mod, kind, fallback=None):
        """A function of `kind` from an earlier module (or earlier in this one); records the
        dependency. Returns the name, or `fallback` when there is none yet."""
        pool = [(m, n) for (m, n) in self.registry[kind] if m.index >= mod.index - 40]
        if not pool:
            return fallback
        m, n = self.rng.choice(pool)
        if m is not mod and m not in mod.deps:
            mod.deps.append(m)
        return n

    def state_of(self, mod):
        pool = [m for m in self.states if m.index >= mod.index - 40]
        if not pool:
            return None
        m = self.rng.choice(pool)
        if m is not mod and m not in mod.deps:
            mod.deps.append(m)
        return m

    def fresh_name(self, mod, kind):
        for _ in range(100):
            verb = self.rng.choice(VERBS[kind])
            name = f"{mod.name}_{verb}"
            if name in self.used_names:
                name = f"{name}_{self.rng.randint(2, 99)}"
            if name not in self.used_names:
                self.used_names.add(name)
                return name
        raise RuntimeError("no fresh name")

    def const(self, lo, hi, digits=2):
        return f"{self.rng.uniform(lo, hi):.{digits}f}"

    def define(self, mod, kind, fn_lines, name, doc):
        proto = string.Template(KIND_SIG[kind]).substitute(F=name)
        mod.protos.append((kind, name, proto, doc))
        mod.body.append(f"/* {doc} */")
        mod.body.extend(fn_lines)
        mod.body.append("")
        self.registry[kind].append((mod, name))

    # -- nda templates -----------------------------------------------------------------------
    def t_row_mean(self, mod):
        f = self.fresh_name(mod, "reduce")
        w = self.const(0.5, 2.0)
        lines = tmpl(r"""
double $F(const nda_array *a)
{
    if (!a)
        return 0.0;
    if (nda_ndim(a) != 2)
        return nda_sum(a) / (double)(nda_size(a) > 0 ? nda_size(a) : 1);
    const ptrdiff_t *shape = nda_shape(a);
    double total = 0.0;
    double weight = 0.0;
    for (ptrdiff_t i = 0; i < shape[0]; i++) {
        nda_array *row = nda_row(a, i);
        if (!row)
            break;
        double w = 1.0 + $W * (double)(i % 3);
        total += w * nda_sum(row) / (double)(shape[1] > 0 ? shape[1] : 1);
        weight += w;
        nda_release(row);
    }
    return weight > 0.0 ? total / weight : 0.0;
}""", F=f, W=w)
        self.define(mod, "reduce", lines, f, "Weighted mean of the row means (plain mean below 2-D).")

    def t_scale_rows(self, mod):
        f = self.fresh_name(mod, "transform")
        red = self.callee(mod, "reduce", "nda_sum")
        lines = tmpl(r"""
int $F(nda_array *a, double k)
{
    if (!a || nda_ndim(a) != 2)
        return a && nda_scale(a, k) == NDA_OK ? 0 : -1;
    const ptrdiff_t rows = nda_shape(a)[0];
    int failures = 0;
    for (ptrdiff_t i = 0; i < rows; i++) {
        nda_array *row = nda_row(a, i);
        if (!row) {
            failures++;
            continue;
        }
        double level = $RED(row);
        double factor = k;
        if (level > $LIM)
            factor = k / (1.0 + level);
        else if (level < -$LIM)
            factor = -k;
        if (nda_scale(row, factor) != NDA_OK)
            failures++;
        nda_release(row);
    }
    return failures ? -1 : 0;
}""", F=f, RED=red, LIM=self.const(1.0, 50.0, 1))
        self.define(mod, "transform", lines, f, "Scales each row by a factor that depends on its level.")

    def t_transposed(self, mod):
        f = self.fresh_name(mod, "make")
        tr = self.callee(mod, "transform")
        extra = (f"    if ({tr}(c, {self.const(0.1, 3.0)}) != 0)\n"
                 f"        lm_log(LM_DEBUG, \"%s: {tr} failed\", __func__);\n") if tr else ""
        lines = tmpl(r"""
nda_array *$F(const nda_array *a)
{
    nda_array *t = nda_transpose(a);
    if (!t)
        return NULL;
    nda_array *c = nda_copy(t);
    nda_release(t);
    if (!c)
        return NULL;
$EXTRA    return c;
}""", F=f, EXTRA=extra)
        self.define(mod, "make", lines, f, "A contiguous copy of the transpose.")

    def t_goto_blend(self, mod):
        f = self.fresh_name(mod, "transform")
        mk = self.callee(mod, "make")
        red = self.callee(mod, "reduce", "lm_mean")
        tmp_src = "nda_copy(a)"
        probe = ""
        if mk:
            probe = (f"    probe = {mk}(a);\n"
                     f"    if (probe)\n"
                     f"        bias = {red}(probe);\n")
        lines = tmpl(r"""
int $F(nda_array *a, double k)
{
    int rc = -1;
    double bias = 0.0;
    nda_array *tmp = NULL, *sum = NULL, *probe = NULL;
    if (!a)
        goto cleanup;
    tmp = $TMP;
    if (!tmp)
        goto cleanup;
$PROBE    if (nda_scale(tmp, k - bias * $B) != NDA_OK)
        goto cleanup;
    sum = lm_like(a);
    if (!sum)
        goto cleanup;
    if (nda_add(sum, a, tmp) != NDA_OK)
        goto cleanup;
    if (nda_scale(sum, 0.5) != NDA_OK || nda_copyto(a, sum) != NDA_OK)
        goto cleanup;
    rc = 0;
cleanup:
    if (rc != 0)
        lm_log(LM_DEBUG, "%s: %s", __func__, nda_last_error());
    nda_release(probe);
    nda_release(sum);
    nda_release(tmp);
    return rc;
}""", F=f, TMP=tmp_src, PROBE=probe, B=self.const(0.01, 0.2, 3))
        self.define(mod, "transform", lines, f, "Blends the array with a scaled copy of itself.")

    def t_stencil(self, mod):
        f = self.fresh_name(mod, "transform")
        lines = tmpl(r"""
int $F(nda_array *a, double k)
{
    if (!a || nda_ndim(a) != 1 || nda_size(a) < 3)
        return -1;
    const ptrdiff_t n = nda_size(a);
    const ptrdiff_t m = n - 2;
    int rc = -1;
    nda_array *left = nda_slice(a, 0, 0, n - 2, 1);
    nda_array *right = nda_slice(a, 0, 2, n, 1);
    nda_array *mid = nda_slice(a, 0, 1, n - 1, 1);
    nda_array *diff = nda_zeros(NDA_FLOAT64, 1, &m);
    if (!left || !right || !mid || !diff)
        goto done;
    if (nda_sub(diff, right, left) != NDA_OK)
        goto done;
    if (nda_scale(diff, $H * k) != NDA_OK)
        goto done;
    if (nda_axpy(mid, 1.0, diff) != NDA_OK)
        goto done;
    rc = 0;
done:
    nda_release(diff);
    nda_release(mid);
    nda_release(right);
    nda_release(left);
    return rc;
}""", F=f, H=self.const(0.1, 0.9))
        self.define(mod, "transform", lines, f, "Adds k times the centred difference to the interior.")

    def t_energy(self, mod):
        f = self.fresh_name(mod, "reduce")
        lines = tmpl(r"""
double $F(const nda_array *a)
{
    nda_array *c = nda_astype(a, NDA_FLOAT64);
    if (!c)
        return 0.0;
    const double *p = nda_cdata(c);
    const ptrdiff_t n = nda_size(c);
    double acc = 0.0, peak = 0.0;
    for (ptrdiff_t i = 0; i < n; i++) {
        double v = p[i] - $OFF;
        acc += v * v;
        if (v > peak)
            peak = v;
    }
    nda_release(c);
    return n > 0 ? acc / (double)n + $PW * peak : 0.0;
}""", F=f, OFF=self.const(-1.0, 1.0), PW=self.const(0.0, 0.5, 3))
        self.define(mod, "reduce", lines, f, "Mean squared deviation plus a share of the peak, over raw data.")

    def t_switch_apply(self, mod):
        f = self.fresh_name(mod, "transform")
        tr = self.callee(mod, "transform")
        other = f"        return {tr}(a, k * 0.5);" if tr else "        return nda_scale(a, -k) == NDA_OK ? 0 : -1;"
        lines = tmpl(r"""
int $F(nda_array *a, double k)
{
    if (!a)
        return -1;
    int mode = (int)(k * 10.0) % 5;
    if (mode < 0)
        mode = -mode;
    switch (mode) {
    case 0:
        return nda_fill(a, k) == NDA_OK ? 0 : -1;
    case 1:
        return nda_scale(a, k + $C) == NDA_OK ? 0 : -1;
    case 2: {
        nda_array *copy = nda_copy(a);
        if (!copy)
            return -1;
        nda_status st = nda_axpy(a, -k, copy);
        nda_release(copy);
        return st == NDA_OK ? 0 : -1;
    }
    case 3:
        if (nda_size(a) == 0)
            return 0;
        /* fall through */
    default:
$OTHER
    }
}""", F=f, C=self.const(0.0, 1.0), OTHER=other)
        self.define(mod, "transform", lines, f, "Applies one of five updates chosen from k.")

    def t_tiles(self, mod):
        f = self.fresh_name(mod, "transform")
        tile = self.rng.choice([2, 4, 8, 16])
        lines = tmpl(r"""
int $F(nda_array *a, double k)
{
    if (!a || nda_ndim(a) != 2)
        return -1;
    const ptrdiff_t rows = nda_shape(a)[0], cols = nda_shape(a)[1];
    int touched = 0;
    for (ptrdiff_t r = 0; r < rows; r += $T) {
        nda_array *band = nda_slice(a, 0, r, LM_MIN(r + $T, rows), 1);
        if (!band)
            return -1;
        for (ptrdiff_t c = 0; c < cols; c += $T) {
            nda_array *tile = nda_slice(band, 1, c, LM_MIN(c + $T, cols), 1);
            if (!tile)
                break;
            double mean = lm_mean(tile);
            if (mean > k)
                nda_fill(tile, k);
            else
                nda_scale(tile, $S);
            touched++;
            nda_release(tile);
        }
        nda_release(band);
    }
    return touched > 0 ? 0 : -1;
}""", F=f, T=str(tile), S=self.const(0.5, 1.5))
        self.define(mod, "transform", lines, f, f"Caps or rescales each {tile}x{tile} tile by its mean.")

    def t_colsum(self, mod):
        f = self.fresh_name(mod, "make")
        lines = tmpl(r"""
nda_array *$F(const nda_array *a)
{
    if (!a || nda_ndim(a) != 2)
        return a ? nda_copy(a) : NULL;
    const ptrdiff_t rows = nda_shape(a)[0];
    const ptrdiff_t cols = nda_shape(a)[1];
    nda_array *acc = nda_zeros(NDA_FLOAT64, 1, &cols);
    if (!acc)
        return NULL;
    for (ptrdiff_t i = 0; i < rows; i++) {
        nda_array *row = nda_row(a, i);
        if (!row) {
            nda_release(acc);
            return NULL;
        }
        double alpha = (i % 2) ? $A : 1.0;
        nda_status st = nda_axpy(acc, alpha, row);
        nda_release(row);
        if (st != NDA_OK) {
            nda_release(acc);
            return NULL;
        }
    }
    return acc;
}""", F=f, A=self.const(-1.0, 1.0))
        self.define(mod, "make", lines, f, "Alternately weighted column sums, as a fresh vector.")

    def t_getset(self, mod):
        f = self.fresh_name(mod, "transform")
        lines = tmpl(r"""
int $F(nda_array *a, double k)
{
    if (!a)
        return -1;
    int changed = 0;
    if (nda_ndim(a) == 2) {
        const ptrdiff_t *shape = nda_shape(a);
        for (ptrdiff_t i = 0; i < shape[0]; i++) {
            for (ptrdiff_t j = 0; j < shape[1]; j++) {
                double v = nda_get2(a, i, j);
                double c = lm_clamp(v, -k, k + $D);
                if (c != v) {
                    nda_set2(a, i, j, c);
                    changed++;
                }
            }
        }
    } else if (nda_ndim(a) == 1) {
        for (ptrdiff_t i = 0; i < nda_size(a); i++) {
            double v = nda_get1(a, i);
            if (v < -k || v > k + $D) {
                nda_set1(a, i, lm_clamp(v, -k, k + $D));
                changed++;
            }
        }
    } else {
        return -1;
    }
    lm_log(LM_DEBUG, "%s: %d values clipped", __func__, changed);
    return 0;
}""", F=f, D=self.const(0.0, 2.0))
        self.define(mod, "transform", lines, f, "Clips every element into [-k, k + d] element by element.")

    def t_trace(self, mod):
        f = self.fresh_name(mod, "reduce")
        lines = tmpl(r"""
double $F(const nda_array *a)
{
    if (!a)
        return 0.0;
    if (nda_ndim(a) == 2 && nda_shape(a)[0] == nda_shape(a)[1]) {
        nda_array *d = nda_diagonal(a);
        if (!d)
            return 0.0;
        double s = nda_sum(d);
        nda_release(d);
        return s;
    }
    const ptrdiff_t one = 1;
    nda_array *first = nda_ndim(a) >= 1 ? nda_slice(a, 0, 0, one, 1) : NULL;
    double s = first ? nda_sum(first) * $W : 0.0;
    nda_release(first);
    return s;
}""", F=f, W=self.const(0.5, 2.0))
        self.define(mod, "reduce", lines, f, "Trace of a square matrix, or the weighted first slice.")

    def t_windows(self, mod):
        f = self.fresh_name(mod, "make")
        w = self.rng.choice([3, 4, 5, 7, 8])
        lines = tmpl(r"""
nda_array *$F(const nda_array *a)
{
    nda_array *c = nda_astype(a, NDA_FLOAT64);
    if (!c)
        return NULL;
    const ptrdiff_t n = nda_size(c);
    nda_array *out = NULL, *win = NULL;
    if (n < $W)
        goto done;
    const ptrdiff_t m = n - $W + 1;
    const ptrdiff_t shape[2] = {m, $W};
    const ptrdiff_t strides[2] = {(ptrdiff_t)sizeof(double), (ptrdiff_t)sizeof(double)};
    win = nda_as_strided(c, 2, shape, strides);
    out = nda_zeros(NDA_FLOAT64, 1, &m);
    if (!win || !out)
        goto done;
    for (ptrdiff_t i = 0; i < m; i++) {
        nda_array *row = nda_row(win, i);
        if (!row)
            break;
        nda_set1(out, i, nda_sum(row) / $W.0);
        nda_release(row);
    }
done:
    nda_release(win);
    nda_release(c);
    return out;
}""", F=f, W=str(w))
        self.define(mod, "make", lines, f, f"Moving average over windows of {w} (as_strided rows).")

    def t_flat_norm(self, mod):
        f = self.fresh_name(mod, "reduce")
        lines = tmpl(r"""
double $F(const nda_array *a)
{
    const ptrdiff_t flat_shape[1] = {-1};
    nda_array *flat = nda_reshape(a, 1, flat_shape);
    if (!flat)
        return 0.0;
    double ss = nda_dot(flat, flat);
    double s = nda_sum(flat);
    ptrdiff_t n = nda_size(flat);
    nda_release(flat);
    if (n == 0)
        return 0.0;
    double mean = s / (double)n;
    return ss / (double)n - mean * mean + $E;
}""", F=f, E=self.const(0.0, 0.01, 4))
        self.define(mod, "reduce", lines, f, "Variance through a flat (maybe copied) reshape.")

    def t_checked(self, mod):
        f = self.fresh_name(mod, "transform")
        tr = self.callee(mod, "transform")
        red = self.callee(mod, "reduce", "nda_sum")
        call = (f"    if ({tr}(a, k * {self.const(0.2, 0.8)}) != 0) {{\n"
                f"        lm_report_status(__func__, nda_last_status());\n"
                f"        return -1;\n"
                f"    }}\n") if tr else ""
        lines = tmpl(r"""
int $F(nda_array *a, double k)
{
    if (!a)
        return -1;
    if (!nda_is_writeable(a)) {
        lm_log(LM_WARN, "%s: array is read-only", __func__);
        return -1;
    }
    nda_status st = nda_scale(a, k);
    if (st != NDA_OK) {
        fprintf(stderr, "%s: %s (%s)\n", __func__, nda_status_name(st), nda_last_error());
        return -1;
    }
$CALL    double level = $RED(a);
    if (level != level) {
        lm_log(LM_ERROR, "%s: NaN after scaling", __func__);
        return -1;
    }
    return 0;
}""", F=f, CALL=call, RED=red)
        self.define(mod, "transform", lines, f, "Scales with status checks and a NaN guard.")

    def t_pairwise(self, mod):
        f = self.fresh_name(mod, "reduce")
        lines = tmpl(r"""
double $F(const nda_array *a)
{
    if (!a)
        return 0.0;
    if (nda_ndim(a) != 1) {
        nda_array *flat = nda_ravel(a);
        double s = flat ? $F(flat) : 0.0;
        nda_release(flat);
        return s;
    }
    const ptrdiff_t n = nda_size(a);
    if (n <= $LEAF)
        return nda_sum(a);
    nda_array *lo = nda_slice(a, 0, 0, n / 2, 1);
    nda_array *hi = nda_slice(a, 0, n / 2, NDA_END, 1);
    double s = (lo ? $F(lo) : 0.0) + (hi ? $F(hi) : 0.0);
    nda_release(hi);
    nda_release(lo);
    return s;
}""", F=f, LEAF=str(self.rng.choice([4, 8, 16, 32])))
        self.define(mod, "reduce", lines, f, "Pairwise (recursive) sum over halves of the array.")

    def t_cache(self, mod):
        slot = f"{mod.name}_cached"
        f = self.fresh_name(mod, "transform")
        lines = tmpl(r"""
static nda_array *$SLOT;
static int ${SLOT}_hits;

int $F(nda_array *a, double k)
{
    if (!a)
        return -1;
    if ($SLOT && nda_may_share_memory($SLOT, a)) {
        ${SLOT}_hits++;
        return nda_scale(a, k) == NDA_OK ? 0 : -1;
    }
    nda_array *old = $SLOT;
    $SLOT = nda_retain(a);
    nda_release(old);
    if (${SLOT}_hits > $LIM) {
        nda_release($SLOT);
        $SLOT = NULL;
        ${SLOT}_hits = 0;
    }
    return 0;
}""", F=f, SLOT=slot, LIM=str(self.rng.randint(4, 64)))
        self.define(mod, "transform", lines, f, "Remembers the last array (retained) and scales repeats.")

    def t_load(self, mod):
        f = self.fresh_name(mod, "load")
        parse = self.callee(mod, "parse")
        if parse:
            body = f"    int n = {parse}(text, values, (int)LM_ARRAY_LEN(values));"
        else:
            body = tmpl(r"""
    int n = 0;
    const char *p = text;
    while (*p && n < (int)LM_ARRAY_LEN(values)) {
        char *end = NULL;
        double v = strtod(p, &end);
        if (end == p) {
            p++;
            continue;
        }
        values[n++] = v;
        p = end;
    }""")
            body = "\n".join(body)
        lines = tmpl(r"""
nda_array *$F(const char *text)
{
    double values[$CAP];
    if (!text)
        return NULL;
$BODY
    if (n <= 0)
        return NULL;
    const ptrdiff_t len = n;
    nda_array *v = nda_from_values(NDA_FLOAT64, 1, &len, values);
    if (!v)
        lm_log(LM_WARN, "%s: %s", __func__, nda_last_error());
    return v;
}""", F=f, CAP=str(self.rng.choice([64, 128, 256])), BODY=body)
        self.define(mod, "load", lines, f, "Reads the numbers of a text into a fresh vector.")

    def t_struct_state(self, mod):
        """A state struct in the header holding an owned array, a window view of it and its raw
        data pointer, with open/close/focus/push/mean functions."""
        if mod.has_state:
            return self.t_row_mean(mod)
        mod.has_state = True
        P = mod.name
        mod.state_fns = {"open": f"{P}_state_open", "close": f"{P}_state_close",
                         "focus": f"{P}_state_focus", "push": f"{P}_state_push",
                         "mean": f"{P}_state_mean", "type": f"{P}_state"}
        lines = tmpl(r"""
int ${P}_state_open(${P}_state *s, ptrdiff_t n)
{
    memset(s, 0, sizeof *s);
    if (n <= 0)
        return -1;
    s->data = nda_zeros(NDA_FLOAT64, 1, &n);
    if (!s->data)
        return -1;
    s->raw = nda_data(s->data);
    s->len = n;
    snprintf(s->label, sizeof s->label, "$P/%td", n);
    return 0;
}

void ${P}_state_close(${P}_state *s)
{
    nda_release(s->window);
    s->window = NULL;
    nda_release(s->data);
    s->data = NULL;
    s->raw = NULL;
    s->len = 0;
}

int ${P}_state_focus(${P}_state *s, ptrdiff_t start, ptrdiff_t stop)
{
    nda_release(s->window);
    s->window = NULL;
    if (!s->data || start < 0 || stop > s->len || start >= stop)
        return -1;
    s->window = nda_slice(s->data, 0, start, stop, 1);
    return s->window ? 0 : -1;
}

void ${P}_state_push(${P}_state *s, double v)
{
    if (!s->raw || s->len == 0)
        return;
    s->raw[s->head % s->len] = v;
    s->head++;
    s->count++;
}

double ${P}_state_mean(const ${P}_state *s)
{
    if (!s->data || s->count == 0)
        return 0.0;
    if (s->window)
        return lm_mean(s->window);
    ptrdiff_t used = s->count < s->len ? s->count : s->len;
    double total = 0.0;
    for (ptrdiff_t i = 0; i < used; i++)
        total += s->raw[i];
    return total / (double)used;
}""", P=P)
        mod.body.append(f"/* The {P} state: a ring of samples with an optional focus window. */")
        mod.body.extend(lines)
        mod.body.append("")
        self.states.append(mod)

    def t_use_state(self, mod):
        st = self.state_of(mod)
        if not st:
            return self.t_energy(mod)
        fn = st.state_fns
        f = self.fresh_name(mod, "reduce")
        n = self.rng.choice([16, 32, 64, 128])
        lines = tmpl(r"""
double $F(const nda_array *a)
{
    $T st;
    if (!a || $OPEN(&st, $N) != 0)
        return 0.0;
    nda_array *flat = nda_ravel(a);
    double result = 0.0;
    if (!flat)
        goto out;
    for (ptrdiff_t i = 0; i < nda_size(flat); i++)
        $PUSH(&st, nda_get1(flat, i));
    if ($FOCUS(&st, $LO, $HI) == 0)
        result = $MEAN(&st);
    else
        result = lm_mean(st.data);
    nda_release(flat);
out:
    $CLOSE(&st);
    return result;
}""", F=f, T=fn["type"], OPEN=fn["open"], N=str(n), PUSH=fn["push"], FOCUS=fn["focus"],
                     LO=str(n // 4), HI=str(n // 2), MEAN=fn["mean"], CLOSE=fn["close"])
        self.define(mod, "reduce", lines, f, f"Streams the values through a {st.name} state and averages a window.")

    def t_struct_pair(self, mod):
        """A local struct holding several views of one array (a stencil)."""
        f = self.fresh_name(mod, "make")
        lines = tmpl(r"""
struct ${F}_views {
    nda_array *head;
    nda_array *tail;
    nda_array *body;
};

static void ${F}_views_close(struct ${F}_views *v)
{
    nda_release(v->body);
    nda_release(v->tail);
    nda_release(v->head);
    v->head = v->tail = v->body = NULL;
}

nda_array *$F(const nda_array *a)
{
    struct ${F}_views v = {NULL, NULL, NULL};
    nda_array *out = NULL;
    if (!a || nda_ndim(a) != 1 || nda_size(a) < 2)
        return NULL;
    const ptrdiff_t n = nda_size(a);
    const ptrdiff_t m = n - 1;
    v.head = nda_slice(a, 0, 0, n - 1, 1);
    v.tail = nda_slice(a, 0, 1, n, 1);
    v.body = nda_view(a);
    if (!v.head || !v.tail || !v.body)
        goto done;
    out = nda_zeros(NDA_FLOAT64, 1, &m);
    if (!out)
        goto done;
    if (nda_sub(out, v.tail, v.head) != NDA_OK) {
        nda_release(out);
        out = NULL;
        goto done;
    }
    nda_scale(out, $S / (1.0 + lm_mean(v.body) * lm_mean(v.body)));
done:
    ${F}_views_close(&v);
    return out;
}""", F=f, S=self.const(0.5, 2.0))
        self.define(mod, "make", lines, f, "Normalised first differences, with the views kept in a struct.")

    def t_cols(self, mod):
        f = self.fresh_name(mod, "transform")
        lines = tmpl(r"""
int $F(nda_array *a, double k)
{
    if (!a || nda_ndim(a) != 2)
        return -1;
    const ptrdiff_t cols = nda_shape(a)[1];
    nda_array *first = nda_col(a, 0);
    if (!first)
        return -1;
    int rc = 0;
    for (ptrdiff_t j = 1; j < cols && rc == 0; j++) {
        nda_array *col = nda_col(a, j);
        if (!col) {
            rc = -1;
            break;
        }
        double alpha = (j % 2 == 0) ? k : -k * $A;
        if (nda_axpy(col, alpha, first) != NDA_OK)
            rc = -1;
        nda_release(col);
    }
    nda_release(first);
    return rc;
}""", F=f, A=self.const(0.1, 0.9))
        self.define(mod, "transform", lines, f, "Adds a multiple of the first column to every other column.")

    def t_wrap(self, mod):
        f = self.fresh_name(mod, "reduce")
        n = self.rng.choice([16, 32, 48, 64])
        lines = tmpl(r"""
double $F(const nda_array *a)
{
    double *buf = malloc($N * sizeof *buf);
    if (!buf)
        return 0.0;
    const ptrdiff_t n = $N;
    nda_array *w = nda_wrap(buf, NDA_FLOAT64, 1, &n, NULL);
    double result = 0.0;
    if (!w) {
        free(buf);
        return 0.0;
    }
    nda_fill(w, 0.0);
    ptrdiff_t size = a ? nda_size(a) : 0;
    for (ptrdiff_t i = 0; i < size && i < n; i++)
        buf[i] = (double)i * $C;
    if (a && nda_ndim(a) == 1 && size == n)
        result = nda_dot(w, a);
    else
        result = nda_sum(w);
    nda_release(w);
    free(buf);
    return result;
}""", F=f, N=str(n), C=self.const(0.01, 1.0, 3))
        self.define(mod, "reduce", lines, f, "Dot product with a ramp held in a malloc'd buffer wrapped by nda.")

    def t_contiguous(self, mod):
        f = self.fresh_name(mod, "reduce")
        lines = tmpl(r"""
double $F(const nda_array *a)
{
    if (!a)
        return 0.0;
    nda_array *c = nda_ascontiguous(a);
    if (!c)
        return 0.0;
    const double *p = nda_dtype_of(c) == NDA_FLOAT64 ? nda_cdata(c) : NULL;
    double best = 0.0;
    if (p) {
        for (ptrdiff_t i = 1; i < nda_size(c); i++) {
            double step = p[i] - p[i - 1];
            if (step < 0.0)
                step = -step;
            if (step > best)
                best = step;
        }
    } else {
        best = nda_sum(c) * $W;
    }
    nda_release(c);
    return best;
}""", F=f, W=self.const(0.01, 0.1, 3))
        self.define(mod, "reduce", lines, f, "Largest jump between neighbours of a contiguous layout.")

    def t_readonly(self, mod):
        f = self.fresh_name(mod, "reduce")
        lines = tmpl(r"""
double $F(const nda_array *a)
{
    if (!a || nda_ndim(a) != 1)
        return 0.0;
    const ptrdiff_t n = nda_size(a);
    const ptrdiff_t shape[2] = {$R, n};
    nda_array *b = nda_broadcast_to(a, 2, shape);
    if (!b)
        return 0.0;
    double s = 0.0;
    if (!nda_is_writeable(b))
        s = nda_sum(b) / $R.0;
    nda_release(b);
    return s;
}""", F=f, R=str(self.rng.randint(2, 6)))
        self.define(mod, "reduce", lines, f, "Sum of a read-only broadcast (one copy's worth).")

    def t_run(self, mod):
        """A driver with many cross-module calls and goto cleanup."""
        f = self.fresh_name(mod, "run")
        load = self.callee(mod, "load")
        reds = [self.callee(mod, "reduce", "lm_mean") for _ in range(self.rng.randint(2, 4))]
        trs = [self.callee(mod, "transform") for _ in range(self.rng.randint(1, 3))]
        mk = self.callee(mod, "make")
        txt = self.callee(mod, "text")
        rows, cols = self.rng.choice([(4, 6), (8, 8), (3, 5), (6, 4), (16, 2)])
        out = []
        out.append(f"int {f}(const char *text, int verbose)")
        out.append("{")
        out.append("    int rc = -1;")
        out.append("    lm_buf log;")
        out.append("    nda_array *data = NULL, *grid = NULL, *derived = NULL;")
        out.append("    lm_buf_init(&log);")
        if txt:
            out.append(f"    if (text && {txt}(text) < 0) {{")
            out.append(f"        lm_log(LM_WARN, \"%s: rejected input\", __func__);")
            out.append("        return -1;")
            out.append("    }")
        if load:
            out.append(f"    data = text ? {load}(text) : NULL;")
            out.append("    if (!data)")
            out.append(f"        data = lm_vector({rows * cols}, {self.const(1, 100)});")
        else:
            out.append(f"    data = lm_vector({rows * cols}, text ? (double)text[0] : 1.0);")
        out.append("    if (!data)")
        out.append("        goto cleanup;")
        out.append(f"    grid = lm_matrix({rows}, {cols}, lm_mean(data));")
        out.append("    if (!grid)")
        out.append("        goto cleanup;")
        for i, r in enumerate(reds):
            target = "data" if i % 2 == 0 else "grid"
            out.append(f"    if (lm_buf_appendf(&log, \"{r}=%.3g \", {r}({target})) != 0)")
            out.append("        goto cleanup;")
        for i, t in enumerate(trs):
            if not t:
                continue
            target = "grid" if i % 2 == 0 else "data"
            out.append(f"    if ({t}({target}, {self.const(0.1, 2.0)}) != 0)")
            out.append(f"        lm_log(LM_INFO, \"%s: {t} did not apply\", __func__);")
        if mk:
            out.append(f"    derived = {mk}(grid);")
            out.append("    if (derived)")
            out.append("        lm_describe(&log, \"derived\", derived);")
        out.append("    lm_describe(&log, \"grid\", grid);")
        out.append("    if (verbose && log.data)")
        out.append("        printf(\"%s\\n\", log.data);")
        out.append("    rc = 0;")
        out.append("cleanup:")
        out.append("    nda_release(derived);")
        out.append("    nda_release(grid);")
        out.append("    nda_release(data);")
        out.append("    lm_buf_free(&log);")
        out.append("    return rc;")
        out.append("}")
        self.define(mod, "run", out, f, "Loads, measures and transforms one input end to end.")

    # -- plain C templates -----------------------------------------------------------------
    def t_trim_count(self, mod):
        f = self.fresh_name(mod, "text")
        sep = self.rng.choice([",", ";", "|", ":"])
        lines = tmpl(r"""
static size_t ${F}_trim(const char *s, size_t *start)
{
    size_t a = 0, b = strlen(s);
    while (a < b && lm_is_space((unsigned char)s[a]))
        a++;
    while (b > a && lm_is_space((unsigned char)s[b - 1]))
        b--;
    *start = a;
    return b - a;
}

int $F(const char *s)
{
    if (!s)
        return -1;
    size_t start = 0;
    size_t len = ${F}_trim(s, &start);
    if (len == 0)
        return 0;
    int fields = 1, quoted = 0;
    for (size_t i = start; i < start + len; i++) {
        char c = s[i];
        if (c == '"')
            quoted = !quoted;
        else if (c == '$SEP' && !quoted)
            fields++;
        else if ((unsigned char)c < 0x20 && c != '\t')
            return -1;
    }
    return quoted ? -1 : fields;
}""", F=f, SEP=sep)
        self.define(mod, "text", lines, f, f"Number of '{sep}'-separated fields of a trimmed line, -1 if malformed.")

    def t_parse_numbers(self, mod):
        f = self.fresh_name(mod, "parse")
        lines = tmpl(r"""
int $F(const char *line, double *out, int max)
{
    int n = 0;
    const char *p = line;
    if (!line || !out || max <= 0)
        return 0;
    while (*p && n < max) {
        while (*p && (lm_is_space((unsigned char)*p) || *p == ',' || *p == ';'))
            p++;
        if (!*p || *p == '#')
            break;
        char *end = NULL;
        errno = 0;
        double v = strtod(p, &end);
        if (end == p || errno == ERANGE) {
            while (*p && !lm_is_space((unsigned char)*p) && *p != ',')
                p++;
            continue;
        }
        out[n++] = v * $U;
        p = end;
    }
    return n;
}""", F=f, U=self.rng.choice(["1.0", "0.001", "1000.0", "0.01"]))
        self.define(mod, "parse", lines, f, "Parses numbers separated by blanks, commas or semicolons; stops at '#'.")

    def t_kv(self, mod):
        f = self.fresh_name(mod, "text")
        keys = self.rng.sample(["rows", "cols", "scale", "mode", "name", "window", "step",
                                "offset", "limit", "depth", "rate", "seed"], 4)
        cases = "\n".join(f"    if (strcmp(key, \"{k}\") == 0)\n        return {i + 1};"
                          for i, k in enumerate(keys))
        lines = tmpl(r"""
static int ${F}_split(const char *line, char *key, size_t keylen, char *val, size_t vallen)
{
    const char *eq = strchr(line, '=');
    if (!eq)
        return -1;
    size_t klen = (size_t)(eq - line);
    while (klen > 0 && lm_is_space((unsigned char)line[klen - 1]))
        klen--;
    if (klen == 0 || klen >= keylen)
        return -1;
    memcpy(key, line, klen);
    key[klen] = '\0';
    const char *v = eq + 1;
    while (*v && lm_is_space((unsigned char)*v))
        v++;
    size_t vlen = strlen(v);
    while (vlen > 0 && lm_is_space((unsigned char)v[vlen - 1]))
        vlen--;
    if (vlen >= vallen)
        vlen = vallen - 1;
    memcpy(val, v, vlen);
    val[vlen] = '\0';
    return 0;
}

int $F(const char *s)
{
    char key[LM_FIELD_LEN], val[LM_FIELD_LEN];
    if (!s || ${F}_split(s, key, sizeof key, val, sizeof val) != 0)
        return -1;
$CASES
    char *end = NULL;
    long n = strtol(val, &end, 10);
    if (end == val || *end != '\0')
        return 0;
    return n > 0 && n < 1000 ? (int)n + 100 : 0;
}""", F=f, CASES=cases)
        self.define(mod, "text", lines, f, "Classifies a key=value line by its key (1..4), or by a numeric value.")

    def t_hash(self, mod):
        f = self.fresh_name(mod, "hash")
        seed = self.rng.randint(1, 2**31)
        lines = tmpl(r"""
uint32_t $F(const char *s, size_t n)
{
    uint32_t h = 2166136261u ^ ${SEED}u;
    for (size_t i = 0; i < n && s[i]; i++) {
        h ^= (uint32_t)(unsigned char)s[i];
        h *= 16777619u;
    }
    h ^= h >> $SH;
    return h;
}""", F=f, SEED=str(seed), SH=str(self.rng.choice([13, 15, 16, 17])))
        self.define(mod, "hash", lines, f, "FNV-1a over at most n bytes, seeded and mixed.")

    def t_crc(self, mod):
        f = self.fresh_name(mod, "hash")
        tbl = f"{mod.name}_crc_table"
        lines = tmpl(r"""
static uint32_t $TBL[256];
static int ${TBL}_ready;

static void ${TBL}_init(void)
{
    for (uint32_t i = 0; i < 256; i++) {
        uint32_t c = i;
        for (int k = 0; k < 8; k++)
            c = (c & 1) ? 0xEDB88320u ^ (c >> 1) : c >> 1;
        $TBL[i] = c;
    }
    ${TBL}_ready = 1;
}

uint32_t $F(const char *s, size_t n)
{
    if (!${TBL}_ready)
        ${TBL}_init();
    uint32_t crc = 0xFFFFFFFFu;
    for (size_t i = 0; i < n; i++)
        crc = $TBL[(crc ^ (unsigned char)s[i]) & 0xFFu] ^ (crc >> 8);
    return crc ^ 0xFFFFFFFFu;
}""", F=f, TBL=tbl)
        self.define(mod, "hash", lines, f, "CRC-32 (IEEE) with a lazily built table.")

    def t_median(self, mod):
        f = self.fresh_name(mod, "dvec")
        lines = tmpl(r"""
static int ${F}_cmp(const void *pa, const void *pb)
{
    double a = *(const double *)pa, b = *(const double *)pb;
    return (a > b) - (a < b);
}

double $F(double *v, size_t n)
{
    if (!v || n == 0)
        return 0.0;
    qsort(v, n, sizeof *v, ${F}_cmp);
    size_t cut = n / $CUT;
    if (2 * cut >= n)
        cut = 0;
    size_t lo = cut, hi = n - cut;
    double s = 0.0;
    for (size_t i = lo; i < hi; i++)
        s += v[i];
    return (hi - lo) % 2 ? v[(lo + hi) / 2] : s / (double)(hi - lo);
}""", F=f, CUT=str(self.rng.choice([5, 8, 10, 20])))
        self.define(mod, "dvec", lines, f, "Sorts v and returns its middle value (or trimmed mean).")

    def t_tokens(self, mod):
        f = self.fresh_name(mod, "text")
        lines = tmpl(r"""
enum ${F}_class { ${U}_SPACE, ${U}_WORD, ${U}_NUMBER, ${U}_PUNCT };

static enum ${F}_class ${F}_class_of(int c)
{
    if (lm_is_space(c))
        return ${U}_SPACE;
    if (isdigit(c) || c == '.')
        return ${U}_NUMBER;
    if (isalpha(c) || c == '_')
        return ${U}_WORD;
    return ${U}_PUNCT;
}

int $F(const char *s)
{
    if (!s)
        return -1;
    int words = 0, numbers = 0, punct = 0;
    enum ${F}_class prev = ${U}_SPACE;
    for (const char *p = s; *p; p++) {
        enum ${F}_class c = ${F}_class_of((unsigned char)*p);
        if (c == prev && c != ${U}_PUNCT)
            continue;
        switch (c) {
        case ${U}_WORD:
            words++;
            break;
        case ${U}_NUMBER:
            if (prev != ${U}_WORD)
                numbers++;
            break;
        case ${U}_PUNCT:
            punct++;
            break;
        case ${U}_SPACE:
            break;
        }
        prev = c;
    }
    return words * $WW + numbers * $NW + punct;
}""", F=f, U=f.upper(), WW=str(self.rng.randint(1, 4)), NW=str(self.rng.randint(1, 4)))
        self.define(mod, "text", lines, f, "Weighted count of words, numbers and punctuation.")

    def t_escape_score(self, mod):
        f = self.fresh_name(mod, "text")
        hsh = self.callee(mod, "hash")
        tail = (f"    int score = (int)({hsh}(out.data ? out.data : \"\", out.len) % 1000u);"
                if hsh else "    int score = (int)(out.len % 1000u);")
        lines = tmpl(r"""
static int ${F}_escape(lm_buf *out, const char *s)
{
    for (const char *p = s; *p; p++) {
        int rc;
        switch (*p) {
        case '"':
            rc = lm_buf_appends(out, "\\\"");
            break;
        case '\\':
            rc = lm_buf_appends(out, "\\\\");
            break;
        case '\n':
            rc = lm_buf_appends(out, "\\n");
            break;
        case '\t':
            rc = lm_buf_appends(out, "\\t");
            break;
        default:
            if ((unsigned char)*p < 0x20)
                rc = lm_buf_appendf(out, "\\u%04x", (unsigned)(unsigned char)*p);
            else
                rc = lm_buf_append(out, p, 1);
            break;
        }
        if (rc != 0)
            return -1;
    }
    return 0;
}

int $F(const char *s)
{
    lm_buf out;
    if (!s)
        return -1;
    lm_buf_init(&out);
    if (${F}_escape(&out, s) != 0) {
        lm_buf_free(&out);
        return -1;
    }
$TAIL
    lm_buf_free(&out);
    return score;
}""", F=f, TAIL=tail)
        self.define(mod, "text", lines, f, "Escapes the text as a JSON string and scores the result.")

    def t_table(self, mod):
        """A chained hash table of name -> value, declared in the header."""
        hsh = self.callee(mod, "hash")
        P = mod.name
        hcall = f"{hsh}(key, strlen(key))" if hsh else "(uint32_t)strlen(key) * 2654435761u"
        f = self.fresh_name(mod, "text")
        lines = tmpl(r"""
struct ${P}_entry {
    char *key;
    double value;
    struct ${P}_entry *next;
};

struct ${P}_table {
    struct ${P}_entry **buckets;
    size_t nbuckets;
    size_t count;
};

static int ${P}_table_init(struct ${P}_table *t, size_t nbuckets)
{
    t->buckets = calloc(nbuckets, sizeof *t->buckets);
    t->nbuckets = t->buckets ? nbuckets : 0;
    t->count = 0;
    return t->buckets ? 0 : -1;
}

static void ${P}_table_free(struct ${P}_table *t)
{
    for (size_t i = 0; i < t->nbuckets; i++) {
        struct ${P}_entry *e = t->buckets[i];
        while (e) {
            struct ${P}_entry *next = e->next;
            free(e->key);
            free(e);
            e = next;
        }
    }
    free(t->buckets);
    t->buckets = NULL;
    t->nbuckets = t->count = 0;
}

static struct ${P}_entry *${P}_table_find(const struct ${P}_table *t, const char *key)
{
    uint32_t h = $HCALL;
    for (struct ${P}_entry *e = t->buckets[h % t->nbuckets]; e; e = e->next)
        if (strcmp(e->key, key) == 0)
            return e;
    return NULL;
}

static int ${P}_table_put(struct ${P}_table *t, const char *key, double value)
{
    struct ${P}_entry *e = ${P}_table_find(t, key);
    if (e) {
        e->value += value;
        return 0;
    }
    e = malloc(sizeof *e);
    if (!e)
        return -1;
    e->key = lm_xstrdup(key);
    e->value = value;
    uint32_t h = $HCALL;
    e->next = t->buckets[h % t->nbuckets];
    t->buckets[h % t->nbuckets] = e;
    t->count++;
    return 0;
}

int $F(const char *s)
{
    struct ${P}_table t;
    char word[LM_FIELD_LEN];
    size_t wlen = 0;
    if (!s || ${P}_table_init(&t, $NB) != 0)
        return -1;
    for (const char *p = s;; p++) {
        if (*p && !lm_is_space((unsigned char)*p) && wlen + 1 < sizeof word) {
            word[wlen++] = (char)tolower((unsigned char)*p);
            continue;
        }
        if (wlen > 0) {
            word[wlen] = '\0';
            ${P}_table_put(&t, word, 1.0);
            wlen = 0;
        }
        if (!*p)
            break;
    }
    int distinct = (int)t.count;
    ${P}_table_free(&t);
    return distinct;
}""", P=P, F=f, HCALL=hcall, NB=str(self.rng.choice([17, 31, 61, 127])))
        self.define(mod, "text", lines, f, "Number of distinct (case-folded) words, through a hash table.")

    def t_dvec_use(self, mod):
        f = self.fresh_name(mod, "reduce")
        dv = self.callee(mod, "dvec")
        if not dv:
            return self.t_energy(mod)
        lines = tmpl(r"""
double $F(const nda_array *a)
{
    if (!a)
        return 0.0;
    nda_array *c = nda_flatten(a);
    if (!c)
        return 0.0;
    size_t n = (size_t)nda_size(c);
    double *tmp = n ? malloc(n * sizeof *tmp) : NULL;
    double result = 0.0;
    if (tmp) {
        for (size_t i = 0; i < n; i++)
            tmp[i] = nda_get1(c, (ptrdiff_t)i);
        result = $DV(tmp, n);
        free(tmp);
    }
    nda_release(c);
    return result;
}""", F=f, DV=dv)
        self.define(mod, "reduce", lines, f, f"{dv} of the elements, through a scratch buffer.")

    def t_path(self, mod):
        f = self.fresh_name(mod, "text")
        ext = self.rng.choice([".csv", ".tsv", ".dat", ".txt", ".bin"])
        lines = tmpl(r"""
static int ${F}_join(char *out, size_t outlen, const char *dir, const char *base)
{
    size_t dlen = strlen(dir);
    int n;
    if (dlen > 0 && dir[dlen - 1] == '/')
        n = snprintf(out, outlen, "%s%s$EXT", dir, base);
    else
        n = snprintf(out, outlen, "%s/%s$EXT", dir, base);
    return n < 0 || (size_t)n >= outlen ? -1 : n;
}

int $F(const char *s)
{
    char path[256];
    char dir[128];
    if (!s)
        return -1;
    const char *slash = strrchr(s, '/');
    if (!slash) {
        snprintf(dir, sizeof dir, ".");
    } else {
        size_t n = (size_t)(slash - s);
        if (n >= sizeof dir)
            return -1;
        memcpy(dir, s, n);
        dir[n] = '\0';
    }
    int len = ${F}_join(path, sizeof path, dir, slash ? slash + 1 : s);
    if (len < 0)
        return -1;
    int depth = 0;
    for (const char *p = path; *p; p++)
        depth += *p == '/';
    return depth * 100 + len;
}""", F=f, EXT=ext)
        self.define(mod, "text", lines, f, f"Depth and length of the '{ext}' path derived from a name.")

    def t_names(self, mod):
        """An enum in the header and its name/parse functions."""
        if mod.mode_enum:
            return self.t_tokens(mod)
        mod.mode_enum = True
        P, U = mod.name, mod.upper
        names = self.rng.sample(["linear", "nearest", "cubic", "box", "gauss", "median", "max",
                                 "min", "mean", "sum", "diff", "ratio"], 5)
        mod.enum_names = names
        cases = "\n".join(f"    case {U}_{n.upper()}:\n        return \"{n}\";" for n in names)
        lookups = "\n".join(f"    if (strcmp(s, \"{n}\") == 0)\n        return {U}_{n.upper()};"
                            for n in names)
        f = self.fresh_name(mod, "text")
        lines = tmpl(r"""
const char *${P}_mode_name(${P}_mode m)
{
    switch (m) {
$CASES
    }
    return "unknown";
}

int $F(const char *s)
{
    if (!s)
        return -1;
$LOOKUPS
    return -1;
}""", P=P, CASES=cases, LOOKUPS=lookups, F=f)
        self.define(mod, "text", lines, f, f"The {P}_mode named by s, or -1.")

    # -- module assembly ---------------------------------------------------------------------
    NDA_TEMPLATES = ["t_row_mean", "t_scale_rows", "t_transposed", "t_goto_blend", "t_stencil",
                     "t_energy", "t_switch_apply", "t_tiles", "t_colsum", "t_getset", "t_trace",
                     "t_windows", "t_flat_norm", "t_checked", "t_pairwise", "t_cache", "t_load",
                     "t_use_state", "t_struct_pair", "t_cols", "t_wrap", "t_contiguous",
                     "t_readonly", "t_dvec_use", "t_run"]
    C_TEMPLATES = ["t_trim_count", "t_parse_numbers", "t_kv", "t_hash", "t_crc", "t_median",
                   "t_tokens", "t_escape_score", "t_table", "t_path"]

    def fill_module(self, mod, target_lines):
        rng = self.rng
        if mod.index % 3 == 0:
            self.t_struct_state(mod)
        if rng.random() < 0.4:
            self.t_names(mod)
        text_share = 0.6 if mod.group in ("text", "io", "table") else 0.3
        used_cache = False
        while len(mod.body) < target_lines:
            if rng.random() < text_share:
                name = rng.choice(self.C_TEMPLATES)
            else:
                name = rng.choice(self.NDA_TEMPLATES)
            if name == "t_cache":
                if used_cache:
                    name = "t_row_mean"
                used_cache = True
            if name == "t_table" and getattr(mod, "has_table", False):
                name = "t_kv"
            if name == "t_table":
                mod.has_table = True
            if name == "t_crc":
                if getattr(mod, "has_crc", False):
                    name = "t_hash"
                mod.has_crc = True
            getattr(self, name)(mod)
        # Every module ends with a driver, so the upper layers call across many files.
        if mod.index >= 4:
            self.t_run(mod)

    def header_text(self, mod):
        U = mod.upper
        out = [f"/* lumen/{mod.name}.h: the {mod.name.replace('_', ' ')} module ({mod.group}). */",
               f"#ifndef LUMEN_{U}_H", f"#define LUMEN_{U}_H", "", "#include \"lumen/common.h\"", ""]
        if mod.has_state:
            out += tmpl(r"""
/* A ring of samples. `data` is owned; `window` is a view of it (or NULL) and `raw` its data
 * pointer, both valid until ${P}_state_close. */
typedef struct ${P}_state {
    nda_array *data;
    nda_array *window;
    double *raw;
    ptrdiff_t len;
    ptrdiff_t head;
    ptrdiff_t count;
    char label[LM_LABEL_LEN];
} ${P}_state;

int ${P}_state_open(${P}_state *s, ptrdiff_t n);
void ${P}_state_close(${P}_state *s);
int ${P}_state_focus(${P}_state *s, ptrdiff_t start, ptrdiff_t stop);
void ${P}_state_push(${P}_state *s, double v);
double ${P}_state_mean(const ${P}_state *s);
""", P=mod.name)
            out.append("")
        if mod.mode_enum:
            out.append("typedef enum {")
            for i, n in enumerate(mod.enum_names):
                out.append(f"    {U}_{n.upper()}{' = 0' if i == 0 else ''},")
            out.append(f"}} {mod.name}_mode;")
            out.append("")
            out.append(f"const char *{mod.name}_mode_name({mod.name}_mode m);")
            out.append("")
        for kind, name, proto, doc in mod.protos:
            out.append(f"/* {doc} */")
            out.append(proto + ";")
        out += ["", f"#endif /* LUMEN_{U}_H */", ""]
        return "\n".join(out)

    def source_text(self, mod):
        out = [f"/* {mod.name}: {mod.group} functions of lumen (generated for the viewcheck "
               f"benchmark). */",
               f"#include \"lumen/{mod.name}.h\"", "#include \"lumen/arrays.h\""]
        for d in sorted(mod.deps, key=lambda m: m.name):
            out.append(f"#include \"lumen/{d.name}.h\"")
        out += ["", "#include <ctype.h>", "#include <errno.h>", "#include <math.h>",
                "#include <stdio.h>", "#include <stdlib.h>", "#include <string.h>", ""]
        out += mod.body
        while out and out[-1] == "":
            out.pop()
        out.append("")
        return "\n".join(out)


def module_names(n, rng):
    combos = [(s, r) for s in SUBJECTS for r in ROLES]
    rng.shuffle(combos)
    names = []
    for i in range(n):
        s, r = combos[i % len(combos)]
        suffix = "" if i < len(combos) else str(i // len(combos) + 1)
        names.append((ROLE_GROUP[r], f"{s}_{r}{suffix}"))
    return names


CMAKE = r"""cmake_minimum_required(VERSION 3.16)
project(lumen C)

# Generated by viewcheck's bench/analyzer/gen_project.py (lines=@LINES@, seed=@SEED@).
set(CMAKE_C_STANDARD 11)
set(CMAKE_C_STANDARD_REQUIRED ON)
set(CMAKE_C_EXTENSIONS OFF)
set(NDA_INCLUDE_DIR "@NDA_INCLUDE@" CACHE PATH "directory holding nda.h")
set(NDA_LIBRARY "" CACHE FILEPATH "libnda to link lumen-tool against (optional)")

add_library(lumen STATIC
@SOURCES@)
target_include_directories(lumen PUBLIC ${CMAKE_CURRENT_SOURCE_DIR}/include ${NDA_INCLUDE_DIR})
target_compile_options(lumen PRIVATE -Wall -Wextra)

if(NDA_LIBRARY)
  add_executable(lumen-tool tools/lumen_tool.c)
  target_compile_options(lumen-tool PRIVATE -Wall -Wextra)
  target_link_libraries(lumen-tool PRIVATE lumen ${NDA_LIBRARY} m)
endif()
"""


def tool_text(gen):
    runs = [(m, n) for (m, n) in gen.registry["run"]][-12:]
    out = ["/* lumen-tool: runs the top-level pipelines of lumen on its arguments. */"]
    for m in sorted({m.name for m, _ in runs}):
        out.append(f"#include \"lumen/{m}.h\"")
    out += ["", "#include <stdio.h>", "#include <string.h>", "",
            "int main(int argc, char **argv)", "{",
            "    const char *input = argc > 1 ? argv[1] : \"1 2 3 4 5 6 7 8\";",
            "    int verbose = argc > 2 && strcmp(argv[2], \"-v\") == 0;",
            "    int failures = 0;"]
    for _, n in runs:
        out.append(f"    failures += {n}(input, verbose) != 0;")
    out += ["    printf(\"%d pipelines failed\\n\", failures);", "    return failures ? 1 : 0;",
            "}", ""]
    return "\n".join(out)


def generate(out_dir, lines, seed, nda_include):
    gen = Gen(seed)
    nmod = max(100, -(-lines // 420))
    base_lines = COMMON_H.count("\n") + COMMON_C.count("\n") + ARRAYS_H.count("\n") + ARRAYS_C.count("\n")
    # Each module's header adds about a fifth of its source's length.
    per_module = max(60, int((lines - base_lines) / nmod / 1.2) + 1)
    modules = []
    for i, (group, name) in enumerate(module_names(nmod, gen.rng)):
        m = Module(i, group, name)
        gen.fill_module(m, per_module)
        modules.append(m)
    files = {"include/lumen/common.h": COMMON_H, "src/core/common.c": COMMON_C,
             "include/lumen/arrays.h": ARRAYS_H, "src/core/arrays.c": ARRAYS_C}
    for m in modules:
        files[m.header_path()] = gen.header_text(m)
        files[m.source_path()] = gen.source_text(m)
    files["tools/lumen_tool.c"] = tool_text(gen)
    sources = ["src/core/common.c", "src/core/arrays.c"] + [m.source_path() for m in modules]
    cmake = (CMAKE.replace("@SOURCES@", "".join(f"  {s}\n" for s in sources))
             .replace("@NDA_INCLUDE@", nda_include).replace("@LINES@", str(lines))
             .replace("@SEED@", str(seed)))
    files["CMakeLists.txt"] = cmake
    total = 0
    for rel, text in sorted(files.items()):
        path = os.path.join(out_dir, rel)
        os.makedirs(os.path.dirname(path), exist_ok=True)
        with open(path, "w") as f:
            f.write(text)
        if rel.endswith((".c", ".h")):
            total += text.count("\n")
    return {"modules": len(modules), "c_files": len(sources) + 1,
            "lines": total, "sources": sources}


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("out_dir")
    ap.add_argument("--lines", type=int, default=50000, help="at least this many lines of C")
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--nda-include", default=os.path.join(ROOT, "runtime/include"),
                    help="directory holding nda.h (recorded in CMakeLists.txt)")
    args = ap.parse_args()
    info = generate(args.out_dir, args.lines, args.seed, os.path.abspath(args.nda_include))
    print(f"lumen: {info['modules']} modules, {info['c_files']} .c files, "
          f"{info['lines']} lines of C in {args.out_dir}")


if __name__ == "__main__":
    sys.exit(main())
