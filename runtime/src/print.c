/* NumPy-like text: "[100 1 2 3 4 5]", nested brackets per axis, floats as "1." / "2.5". */
#include "nda_internal.h"

#include <inttypes.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

static int print_value(FILE *f, nda_dtype dt, const char *elem)
{
    if (dt == NDA_INT64) { /* exact: a double holds only 53 bits */
        int64_t i;
        memcpy(&i, elem, sizeof i);
        return fprintf(f, "%" PRId64, i);
    }
    double v = nda__load(dt, elem);
    if (dt != NDA_FLOAT64 && dt != NDA_FLOAT32)
        return fprintf(f, "%.0f", v);
    if (isnan(v))
        return fprintf(f, "nan");
    if (isinf(v))
        return fprintf(f, v < 0 ? "-inf" : "inf");
    if (v == floor(v) && fabs(v) < 1e16)
        return fprintf(f, "%.0f.", v);
    char text[40];
    int precision = dt == NDA_FLOAT32 ? 8 : 17;
    for (int p = 1; p <= precision; p++) { /* shortest text that reads back the same value */
        snprintf(text, sizeof text, "%.*g", p, v);
        double back = strtod(text, NULL);
        if ((dt == NDA_FLOAT32 && (float)back == (float)v) || back == v)
            break;
    }
    return fprintf(f, "%s", text);
}

static int print_axis(FILE *f, const nda_array *a, int axis, const char *p, int indent)
{
    int total = 0, n;
    if (axis == a->ndim)
        return print_value(f, a->dtype, p);
    if ((n = fprintf(f, "[")) < 0)
        return -1;
    total += n;
    for (ptrdiff_t i = 0; i < a->shape[axis]; i++) {
        if (i > 0) {
            n = axis == a->ndim - 1 ? fprintf(f, " ") : fprintf(f, "\n%*s", indent + 1, "");
            if (n < 0)
                return -1;
            total += n;
        }
        if ((n = print_axis(f, a, axis + 1, p + i * a->strides[axis], indent + 1)) < 0)
            return -1;
        total += n;
    }
    if ((n = fprintf(f, "]")) < 0)
        return -1;
    return total + n;
}

int nda_print(FILE *f, const nda_array *a)
{
    NDA_CHECK_ARRAY("nda_print", a, -1);
    if (!f) {
        nda__fail(NDA_EINVAL, "nda_print: stream is NULL");
        return -1;
    }
    int n = print_axis(f, a, 0, a->data, 0);
    if (n < 0) {
        nda__fail(NDA_EINVAL, "nda_print: writing to the stream failed");
        return -1;
    }
    nda__succeed();
    return n;
}
