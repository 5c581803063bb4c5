/* Token parsing and the variable table of the numpy_diff driver. */
#include "driver.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>

static const char *const dtype_names[] = {"float64", "float32", "int64", "int32", "uint8"};

bool parse_int(const char *text, ptrdiff_t *value)
{
    if (strcmp(text, "END") == 0) {
        *value = NDA_END;
        return true;
    }
    char *end;
    errno = 0;
    long long v = strtoll(text, &end, 10);
    if (errno || *end || end == text)
        return false;
    *value = (ptrdiff_t)v;
    return true;
}

bool parse_double(const char *text, double *value)
{
    char *end;
    *value = strtod(text, &end);
    return *end == '\0' && end != text;
}

bool parse_dtype(const char *text, nda_dtype *dt)
{
    for (int k = 0; k < (int)(sizeof dtype_names / sizeof dtype_names[0]); k++) {
        if (strcmp(text, dtype_names[k]) == 0) {
            *dt = (nda_dtype)k;
            return true;
        }
    }
    return false;
}

const char *dtype_name(nda_dtype dt)
{
    return (unsigned)dt < sizeof dtype_names / sizeof dtype_names[0] ? dtype_names[dt] : "?";
}

bool parse_var_id(const char *text, int *id)
{
    ptrdiff_t v;
    if (text[0] != 'v' || !parse_int(text + 1, &v) || v < 0 || v >= MAX_VARS)
        return false;
    *id = (int)v;
    return true;
}

bool parse_dims(const line *l, int at, int *ndim, ptrdiff_t *dims, int *next)
{
    ptrdiff_t n;
    if (at >= l->count || !parse_int(l->tok[at], &n) || n < 0 || n > MAX_DIMS ||
        at + 1 + n > l->count)
        return false;
    for (int k = 0; k < n; k++)
        if (!parse_int(l->tok[at + 1 + k], &dims[k]))
            return false;
    *ndim = (int)n;
    *next = at + 1 + (int)n;
    return true;
}

bool lookup(const program *p, const line *l, int at, nda_array **a)
{
    int id;
    if (at >= l->count || !parse_var_id(l->tok[at], &id))
        return false;
    *a = p->vars[id];
    return true;
}

const char *status_text(void)
{
    return nda_status_name(nda_last_status());
}

const char *store(program *p, const line *l, nda_array *result)
{
    int id;
    if (!parse_var_id(l->tok[1], &id)) {
        nda_release(result);
        return NULL;
    }
    if (result) {
        nda_release(p->vars[id]);
        p->vars[id] = result;
        if (id >= p->count)
            p->count = id + 1;
    }
    return status_text();
}

int source(const program *p, const line *l, int count, nda_array **a)
{
    if ((count >= 0 && l->count != count) || !lookup(p, l, 2, a))
        return 0;
    return *a ? 1 : -1;
}
