/* kernel_add (kernels.c) forwards to nda_add; fold_halves (fold.c) adds the upper half of its
 * argument into the lower half. No finding in a header. */
#ifndef HALVES_H
#define HALVES_H

#include <nda.h>

nda_status kernel_add(nda_array *out, const nda_array *x, const nda_array *y);
nda_status fold_halves(nda_array *a);

#endif
