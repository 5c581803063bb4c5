#include "nda_internal.h"

#include <math.h>
#include <string.h>

size_t nda_itemsize(nda_dtype dt)
{
    switch (dt) {
    case NDA_FLOAT64:
    case NDA_INT64:
        return 8;
    case NDA_FLOAT32:
    case NDA_INT32:
        return 4;
    case NDA_UINT8:
        return 1;
    }
    nda__fail(NDA_EINVAL, "nda_itemsize: unknown dtype %d", (int)dt);
    return 0;
}

double nda__load(nda_dtype dt, const char *p)
{
    switch (dt) {
    case NDA_FLOAT64: {
        double v;
        memcpy(&v, p, sizeof v);
        return v;
    }
    case NDA_FLOAT32: {
        float v;
        memcpy(&v, p, sizeof v);
        return v;
    }
    case NDA_INT64: {
        int64_t v;
        memcpy(&v, p, sizeof v);
        return (double)v;
    }
    case NDA_INT32: {
        int32_t v;
        memcpy(&v, p, sizeof v);
        return v;
    }
    case NDA_UINT8:
        return (unsigned char)*p;
    }
    return NAN;
}

/* Float to integer conversion without undefined behaviour: truncation toward zero, NaN to 0,
 * out-of-range values saturate (C leaves them undefined; NumPy's result is platform-specific). */
static int64_t to_int64(double v)
{
    if (isnan(v))
        return 0;
    if (v >= 9223372036854775807.0)
        return INT64_MAX;
    if (v <= -9223372036854775808.0)
        return INT64_MIN;
    return (int64_t)v;
}

void nda__store(nda_dtype dt, char *p, double v)
{
    switch (dt) {
    case NDA_FLOAT64:
        memcpy(p, &v, sizeof v);
        return;
    case NDA_FLOAT32: {
        float f = (float)v;
        memcpy(p, &f, sizeof f);
        return;
    }
    case NDA_INT64: {
        int64_t i = to_int64(v);
        memcpy(p, &i, sizeof i);
        return;
    }
    case NDA_INT32: {
        int64_t wide = to_int64(v);
        int32_t i = (int32_t)(uint32_t)(uint64_t)wide; /* wraps modulo 2^32, like a C cast */
        memcpy(p, &i, sizeof i);
        return;
    }
    case NDA_UINT8:
        *p = (char)(unsigned char)(uint64_t)to_int64(v);
        return;
    }
}

static bool is_integer(nda_dtype dt)
{
    return dt == NDA_INT64 || dt == NDA_INT32 || dt == NDA_UINT8;
}

static int64_t load_integer(nda_dtype dt, const char *p)
{
    if (dt == NDA_INT64) {
        int64_t v;
        memcpy(&v, p, sizeof v);
        return v;
    }
    if (dt == NDA_INT32) {
        int32_t v;
        memcpy(&v, p, sizeof v);
        return v;
    }
    return (unsigned char)*p;
}

void nda__convert(nda_dtype dst, char *d, nda_dtype src, const char *s)
{
    if (src == NDA_INT64 && dst == NDA_FLOAT32) { /* one rounding, as NumPy: not via double */
        float f = (float)load_integer(src, s);
        memcpy(d, &f, sizeof f);
        return;
    }
    if (!is_integer(dst) || !is_integer(src)) {
        nda__store(dst, d, nda__load(src, s));
        return;
    }
    uint64_t bits = (uint64_t)load_integer(src, s); /* wraps modulo 2^width, like NumPy */
    if (dst == NDA_INT64) {
        int64_t v = (int64_t)bits;
        memcpy(d, &v, sizeof v);
    } else if (dst == NDA_INT32) {
        int32_t v = (int32_t)(uint32_t)bits;
        memcpy(d, &v, sizeof v);
    } else {
        *d = (char)(unsigned char)bits;
    }
}
