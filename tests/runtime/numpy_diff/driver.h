/* numpy_diff driver: executes programs of the op language of nda_model.py on the nda runtime
 * and prints the results in the format the Python side compares against NumPy. */
#ifndef NUMPY_DIFF_DRIVER_H
#define NUMPY_DIFF_DRIVER_H

#include <nda.h>

#include <stdbool.h>
#include <stddef.h>

/* MAX_DIMS > NDA_MAXDIMS: programs may ask for too many dimensions, which nda must reject. */
enum { MAX_VARS = 1024, MAX_TOKENS = 64, MAX_DIMS = 2 * NDA_MAXDIMS };

/* The variables of the running program: "vN" is vars[N], NULL until created. */
typedef struct {
    nda_array *vars[MAX_VARS];
    int count; /* 1 + the highest N in use */
} program;

typedef struct {
    int count;
    const char *tok[MAX_TOKENS];
} line;

/* An op: returns the result text to print after the op's number, or NULL for a malformed line. */
typedef const char *(*op_handler)(program *p, const line *l);

/* ---- driver_parse.c ---- */
bool parse_int(const char *text, ptrdiff_t *value); /* "END" is NDA_END */
bool parse_double(const char *text, double *value);
bool parse_dtype(const char *text, nda_dtype *dt);
const char *dtype_name(nda_dtype dt);
bool parse_var_id(const char *text, int *id);
/* ndim at tok[at], then ndim values; *next is the token after them. */
bool parse_dims(const line *l, int at, int *ndim, ptrdiff_t *dims, int *next);
/* Looks up tok[at]; false if the token is malformed. *a is NULL if the variable is missing. */
bool lookup(const program *p, const line *l, int at, nda_array **a);
/* Stores a creating op's result under the name in tok[1]; returns the status name. */
const char *store(program *p, const line *l, nda_array *result);
const char *status_text(void);
/* Checks the token count (-1: any), looks up the source in tok[2]: 1 found, 0 malformed,
 * -1 missing. */
int source(const program *p, const line *l, int count, nda_array **a);

/* Declares `a`, the source of a creating op in tok[2]; returns from the handler if none. */
#define SOURCE(count)                                                                              \
    nda_array *a;                                                                                  \
    int found_ = source(p, l, count, &a);                                                          \
    if (found_ <= 0)                                                                               \
        return found_ ? NOVAR : NULL;

#define NOVAR "NOVAR"

/* ---- op tables: driver_views.c, driver_copies.c, driver_writes.c, driver_report.c ---- */
op_handler find_view_op(const char *name);
op_handler find_copy_op(const char *name);
op_handler find_write_op(const char *name);
op_handler find_query_op(const char *name);

/* ---- driver_report.c ---- */
void report_vars(const program *p);

#endif
