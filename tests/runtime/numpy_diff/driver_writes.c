/* Write ops of the numpy_diff driver: set fill copyto writeable. */
#include "driver.h"

#include <errno.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

/* Looks up the variable in tok[1]: 1 found, 0 malformed, -1 missing. */
static int target(const program *p, const line *l, nda_array **a)
{
    if (!lookup(p, l, 1, a))
        return 0;
    return *a ? 1 : -1;
}

#define TARGET(var)                                                                                \
    nda_array *var;                                                                                \
    int found_ = target(p, l, &var);                                                               \
    if (found_ <= 0)                                                                               \
        return found_ ? NOVAR : NULL;

static const char *op_set(program *p, const line *l)
{
    TARGET(a);
    ptrdiff_t idx[MAX_DIMS];
    double value;
    int nidx, next;
    if (!parse_dims(l, 2, &nidx, idx, &next) || next + 1 != l->count ||
        !parse_double(l->tok[next], &value) || nidx != nda_ndim(a))
        return NULL;
    nda_set(a, idx, value);
    return status_text();
}

/* Writes an int64 element of a C-contiguous array through nda_data, bypassing double. */
static const char *op_raw(program *p, const line *l)
{
    TARGET(a);
    ptrdiff_t k;
    char *end;
    errno = 0;
    long long value = l->count == 4 ? strtoll(l->tok[3], &end, 10) : 0;
    if (l->count != 4 || errno || *end || !parse_int(l->tok[2], &k) || k < 0 || k >= nda_size(a) ||
        nda_dtype_of(a) != NDA_INT64 || !nda_is_c_contiguous(a))
        return NULL;
    int64_t v = value;
    memcpy((char *)nda_data(a) + k * (ptrdiff_t)sizeof v, &v, sizeof v);
    return "NDA_OK";
}

static const char *op_fill(program *p, const line *l)
{
    TARGET(a);
    double value;
    if (l->count != 3 || !parse_double(l->tok[2], &value))
        return NULL;
    nda_fill(a, value);
    return status_text();
}

static const char *op_copyto(program *p, const line *l)
{
    TARGET(dst);
    nda_array *src;
    if (l->count != 3 || !lookup(p, l, 2, &src))
        return NULL;
    if (!src)
        return NOVAR;
    nda_copyto(dst, src);
    return status_text();
}

static const char *op_writeable(program *p, const line *l)
{
    TARGET(a);
    if (l->count != 3 || (strcmp(l->tok[2], "0") != 0 && strcmp(l->tok[2], "1") != 0))
        return NULL;
    nda_set_writeable(a, l->tok[2][0] == '1');
    return status_text();
}

static const struct {
    const char *name;
    op_handler handler;
} write_ops[] = {
    {"set", op_set},
    {"raw", op_raw},
    {"fill", op_fill},
    {"copyto", op_copyto},
    {"writeable", op_writeable},
};

op_handler find_write_op(const char *name)
{
    for (size_t k = 0; k < sizeof write_ops / sizeof write_ops[0]; k++)
        if (strcmp(name, write_ops[k].name) == 0)
            return write_ops[k].handler;
    return NULL;
}
