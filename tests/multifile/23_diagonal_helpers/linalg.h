/* diag_of (linalg.c) returns nda_diagonal, a read-only view; scale_all (ops.c) writes its
 * argument. No finding in a header. */
#ifndef LINALG_H
#define LINALG_H

#include <nda.h>

nda_array *diag_of(nda_array *m);
nda_status scale_all(nda_array *x, double s);

#endif
