/* Creation, maybe-view and copy ops of the numpy_diff driver: new reshape ravel contig copy
 * flatten astype. */
#include "driver.h"

#include <stdlib.h>
#include <string.h>

/* Element i (C order) of a "new" array; nda_model.base_value is the same formula. */
static double base_value(ptrdiff_t i, nda_dtype dt)
{
    double k = (double)((i * 37 + 11) % 201 - 100);
    if (dt == NDA_UINT8)
        return (double)((i * 37 + 11) % 256);
    if (dt == NDA_FLOAT64 || dt == NDA_FLOAT32)
        return k * 0.25;
    return k;
}

static const char *op_new(program *p, const line *l)
{
    nda_dtype dt;
    ptrdiff_t shape[MAX_DIMS], size = 1;
    int ndim, next;
    if (l->count < 3 || !parse_dtype(l->tok[2], &dt) || !parse_dims(l, 3, &ndim, shape, &next) ||
        next != l->count)
        return NULL;
    for (int k = 0; k < ndim; k++)
        size *= shape[k];
    double *values = malloc((size_t)(size > 0 ? size : 1) * sizeof *values);
    if (!values)
        return NULL;
    for (ptrdiff_t i = 0; i < size; i++)
        values[i] = base_value(i, dt);
    const char *result = store(p, l, nda_from_values(dt, ndim, shape, values));
    free(values);
    return result;
}

static const char *op_reshape(program *p, const line *l)
{
    SOURCE(-1);
    ptrdiff_t shape[MAX_DIMS];
    int ndim, next;
    if (!parse_dims(l, 3, &ndim, shape, &next) || next != l->count)
        return NULL;
    return store(p, l, nda_reshape(a, ndim, shape));
}

static const char *op_ravel(program *p, const line *l)
{
    SOURCE(3);
    return store(p, l, nda_ravel(a));
}

static const char *op_contig(program *p, const line *l)
{
    SOURCE(3);
    return store(p, l, nda_ascontiguous(a));
}

static const char *op_copy(program *p, const line *l)
{
    SOURCE(3);
    return store(p, l, nda_copy(a));
}

static const char *op_flatten(program *p, const line *l)
{
    SOURCE(3);
    return store(p, l, nda_flatten(a));
}

static const char *op_astype(program *p, const line *l)
{
    SOURCE(4);
    nda_dtype dt;
    if (!parse_dtype(l->tok[3], &dt))
        return NULL;
    return store(p, l, nda_astype(a, dt));
}

static const struct {
    const char *name;
    op_handler handler;
} copy_ops[] = {
    {"new", op_new},   {"reshape", op_reshape}, {"ravel", op_ravel},   {"contig", op_contig},
    {"copy", op_copy}, {"flatten", op_flatten}, {"astype", op_astype},
};

op_handler find_copy_op(const char *name)
{
    for (size_t k = 0; k < sizeof copy_ops / sizeof copy_ops[0]; k++)
        if (strcmp(name, copy_ops[k].name) == 0)
            return copy_ops[k].handler;
    return NULL;
}
