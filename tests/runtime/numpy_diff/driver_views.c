/* View ops of the numpy_diff driver: view slice index row col T diag bcast strided. */
#include "driver.h"

#include <string.h>

static const char *op_view(program *p, const line *l)
{
    SOURCE(3);
    return store(p, l, nda_view(a));
}

static const char *op_slice(program *p, const line *l)
{
    SOURCE(7);
    ptrdiff_t axis, start, stop, step;
    if (!parse_int(l->tok[3], &axis) || !parse_int(l->tok[4], &start) ||
        !parse_int(l->tok[5], &stop) || !parse_int(l->tok[6], &step))
        return NULL;
    return store(p, l, nda_slice(a, (int)axis, start, stop, step));
}

static const char *op_index(program *p, const line *l)
{
    SOURCE(5);
    ptrdiff_t axis, i;
    if (!parse_int(l->tok[3], &axis) || !parse_int(l->tok[4], &i))
        return NULL;
    return store(p, l, nda_index(a, (int)axis, i));
}

static const char *op_row(program *p, const line *l)
{
    SOURCE(4);
    ptrdiff_t i;
    if (!parse_int(l->tok[3], &i))
        return NULL;
    return store(p, l, nda_row(a, i));
}

static const char *op_col(program *p, const line *l)
{
    SOURCE(4);
    ptrdiff_t j;
    if (!parse_int(l->tok[3], &j))
        return NULL;
    return store(p, l, nda_col(a, j));
}

static const char *op_transpose(program *p, const line *l)
{
    SOURCE(3);
    return store(p, l, nda_transpose(a));
}

static const char *op_diag(program *p, const line *l)
{
    SOURCE(3);
    return store(p, l, nda_diagonal(a));
}

static const char *op_bcast(program *p, const line *l)
{
    SOURCE(-1);
    ptrdiff_t shape[MAX_DIMS];
    int ndim, next;
    if (!parse_dims(l, 3, &ndim, shape, &next) || next != l->count)
        return NULL;
    return store(p, l, nda_broadcast_to(a, ndim, shape));
}

static const char *op_strided(program *p, const line *l)
{
    SOURCE(-1);
    ptrdiff_t shape[MAX_DIMS], strides[MAX_DIMS];
    int ndim, next;
    if (!parse_dims(l, 3, &ndim, shape, &next) || next + ndim != l->count)
        return NULL;
    for (int k = 0; k < ndim; k++)
        if (!parse_int(l->tok[next + k], &strides[k]))
            return NULL;
    return store(p, l, nda_as_strided(a, ndim, shape, strides));
}

static const struct {
    const char *name;
    op_handler handler;
} view_ops[] = {
    {"view", op_view}, {"slice", op_slice}, {"index", op_index},
    {"row", op_row},   {"col", op_col},     {"T", op_transpose},
    {"diag", op_diag}, {"bcast", op_bcast}, {"strided", op_strided},
};

op_handler find_view_op(const char *name)
{
    for (size_t k = 0; k < sizeof view_ops / sizeof view_ops[0]; k++)
        if (strcmp(name, view_ops[k].name) == 0)
            return view_ops[k].handler;
    return NULL;
}
