/* Helpers shared by the cmocka unit tests of the nda runtime. */
#ifndef RUNTIME_UNIT_SUPPORT_H
#define RUNTIME_UNIT_SUPPORT_H

#include <nda.h>

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>

/* ---- doubles ---- */
void support_assert_double_equal(double actual, double expected, const char *expr, const char *file,
                                 int line);
#define assert_double_equal(actual, expected)                                                      \
    support_assert_double_equal((actual), (expected), #actual, __FILE__, __LINE__)
void support_assert_nan(double actual, const char *expr, const char *file, int line);
#define assert_nan(actual) support_assert_nan((actual), #actual, __FILE__, __LINE__)

/* ---- arrays ---- */
/* A FLOAT64 array of the given shape holding 0, 1, 2, ... in C order. */
nda_array *support_iota(nda_dtype dt, int ndim, const ptrdiff_t *shape);
/* Asserts that a has exactly these elements in C order (read with nda_get). */
void support_assert_values(const nda_array *a, ptrdiff_t n, const double *expected,
                           const char *file, int line);
#define assert_values(a, ...)                                                                      \
    do {                                                                                           \
        const double expected_[] = {__VA_ARGS__};                                                  \
        support_assert_values((a), (ptrdiff_t)(sizeof expected_ / sizeof expected_[0]), expected_, \
                              __FILE__, __LINE__);                                                 \
    } while (0)
void support_assert_layout(const nda_array *a, int ndim, const ptrdiff_t *shape,
                           const ptrdiff_t *strides, const char *file, int line);
#define assert_layout(a, ndim, shape, strides)                                                     \
    support_assert_layout((a), (ndim), (shape), (strides), __FILE__, __LINE__)
/* Byte offset of v's first element from a's first element. */
ptrdiff_t support_offset(const nda_array *v, const nda_array *a);

/* ---- snapshots of an owner's whole memory, to prove that a failed call wrote nothing ---- */
typedef struct {
    const nda_array *owner;
    size_t bytes;
    unsigned char data[4096];
} support_snapshot;
void support_take(support_snapshot *s, const nda_array *owner);
void support_assert_unchanged(const support_snapshot *s, const char *file, int line);
#define assert_unchanged(s) support_assert_unchanged((s), __FILE__, __LINE__)

/* ---- errors ---- */
/* Installs a recording error handler (restoring the previous one in support_capture_end). */
void support_capture_begin(void);
void support_capture_end(void);
int support_captured_calls(void);
/* Asserts the last failure: status, nda_last_error() names fn, the handler saw exactly one call
 * since the last support_capture_reset() with the same status and message. */
void support_assert_failure(nda_status status, const char *fn, const char *file, int line);
#define assert_failure(status, fn) support_assert_failure((status), (fn), __FILE__, __LINE__)
void support_capture_reset(void);

/* ---- text ---- */
/* nda_print into buf; returns nda_print's result. */
int support_print(const nda_array *a, char *buf, size_t size);

#endif
