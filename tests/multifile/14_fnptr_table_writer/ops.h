/* A table of named operations (ops.c) returned as function pointers. No finding in a
 * header. */
#ifndef OPS_H
#define OPS_H

#include <nda.h>

typedef void (*op_fn)(nda_array *x);

op_fn op_lookup(const char *name);

#endif
