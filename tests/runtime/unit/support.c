#include "support.h"

#include <math.h>
#include <stdio.h>
#include <string.h>

void support_assert_double_equal(double actual, double expected, const char *expr, const char *file,
                                 int line)
{
    if (actual == expected || (isnan(actual) && isnan(expected)))
        return;
    print_error("%s is %.17g, expected %.17g\n", expr, actual, expected);
    _fail(file, line);
}

void support_assert_nan(double actual, const char *expr, const char *file, int line)
{
    if (isnan(actual))
        return;
    print_error("%s is %.17g, expected NaN\n", expr, actual);
    _fail(file, line);
}

nda_array *support_iota(nda_dtype dt, int ndim, const ptrdiff_t *shape)
{
    ptrdiff_t n = 1;
    for (int k = 0; k < ndim; k++)
        n *= shape[k];
    double values[1024];
    assert_true(n <= 1024);
    for (ptrdiff_t i = 0; i < n; i++)
        values[i] = (double)i;
    nda_array *a = nda_from_values(dt, ndim, shape, values);
    assert_non_null(a);
    return a;
}

/* Advances a C-order multi-index; false after the last one. */
static int next_index(int ndim, const ptrdiff_t *shape, ptrdiff_t *idx)
{
    for (int k = ndim - 1; k >= 0; k--) {
        if (++idx[k] < shape[k])
            return 1;
        idx[k] = 0;
    }
    return 0;
}

void support_assert_values(const nda_array *a, ptrdiff_t n, const double *expected,
                           const char *file, int line)
{
    if (!a) {
        print_error("array is NULL\n");
        _fail(file, line);
    }
    int ndim = nda_ndim(a);
    const ptrdiff_t *shape = nda_shape(a);
    if (nda_size(a) != n) {
        print_error("array has %td elements, expected %td\n", nda_size(a), n);
        _fail(file, line);
    }
    if (n == 0)
        return;
    ptrdiff_t idx[NDA_MAXDIMS] = {0};
    ptrdiff_t i = 0;
    do {
        double v = nda_get(a, idx);
        if (v != expected[i] && !(isnan(v) && isnan(expected[i]))) {
            print_error("element %td (C order) is %.17g, expected %.17g\n", i, v, expected[i]);
            _fail(file, line);
        }
        i++;
    } while (next_index(ndim, shape, idx));
}

void support_assert_layout(const nda_array *a, int ndim, const ptrdiff_t *shape,
                           const ptrdiff_t *strides, const char *file, int line)
{
    if (!a || nda_ndim(a) != ndim) {
        print_error("array is NULL or has ndim %d, expected %d\n", a ? nda_ndim(a) : -1, ndim);
        _fail(file, line);
    }
    for (int k = 0; k < ndim; k++) {
        if (nda_shape(a)[k] != shape[k] || (strides && nda_strides(a)[k] != strides[k])) {
            print_error("axis %d: shape %td stride %td, expected shape %td stride %td\n", k,
                        nda_shape(a)[k], nda_strides(a)[k], shape[k], strides ? strides[k] : 0);
            _fail(file, line);
        }
    }
}

ptrdiff_t support_offset(const nda_array *v, const nda_array *a)
{
    return (const char *)nda_cdata(v) - (const char *)nda_cdata(a);
}

void support_take(support_snapshot *s, const nda_array *owner)
{
    assert_non_null(owner);
    assert_null(nda_base(owner));
    s->owner = owner;
    s->bytes = (size_t)nda_size(owner) * nda_itemsize(nda_dtype_of(owner));
    assert_true(s->bytes <= sizeof s->data);
    memcpy(s->data, nda_cdata(owner), s->bytes);
}

void support_assert_unchanged(const support_snapshot *s, const char *file, int line)
{
    size_t bytes = (size_t)nda_size(s->owner) * nda_itemsize(nda_dtype_of(s->owner));
    if (bytes != s->bytes || memcmp(s->data, nda_cdata(s->owner), bytes) != 0) {
        print_error("the array's memory changed\n");
        _fail(file, line);
    }
}

static struct {
    int calls;
    nda_status status;
    char message[512];
    nda_error_handler previous;
} captured;

static void record(nda_status status, const char *msg)
{
    captured.calls++;
    captured.status = status;
    snprintf(captured.message, sizeof captured.message, "%s", msg ? msg : "(null)");
}

void support_capture_begin(void)
{
    support_capture_reset();
    captured.previous = nda_set_error_handler(record);
}

void support_capture_end(void)
{
    nda_set_error_handler(captured.previous);
}

void support_capture_reset(void)
{
    captured.calls = 0;
    captured.status = NDA_OK;
    captured.message[0] = '\0';
}

int support_captured_calls(void)
{
    return captured.calls;
}

void support_assert_failure(nda_status status, const char *fn, const char *file, int line)
{
    const char *msg = nda_last_error();
    if (nda_last_status() != status) {
        print_error("nda_last_status() is %s, expected %s (message: %s)\n",
                    nda_status_name(nda_last_status()), nda_status_name(status), msg);
        _fail(file, line);
    }
    if (!msg || !strstr(msg, fn)) {
        print_error("nda_last_error() \"%s\" does not name %s\n", msg ? msg : "(null)", fn);
        _fail(file, line);
    }
    if (captured.calls != 1 || captured.status != status || strcmp(captured.message, msg) != 0) {
        print_error("handler: %d calls, last %s \"%s\"; expected 1 call with %s \"%s\"\n",
                    captured.calls, nda_status_name(captured.status), captured.message,
                    nda_status_name(status), msg);
        _fail(file, line);
    }
    support_capture_reset();
}

int support_print(const nda_array *a, char *buf, size_t size)
{
    FILE *f = tmpfile();
    assert_non_null(f);
    int n = nda_print(f, a);
    rewind(f);
    size_t got = fread(buf, 1, size - 1, f);
    buf[got] = '\0';
    fclose(f);
    return n;
}
