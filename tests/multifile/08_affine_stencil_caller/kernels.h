/* kernel_add (kernels.c) forwards to nda_add, whose output must not partially overlap an input.
 * No finding in a header. */
#ifndef KERNELS_H
#define KERNELS_H

#include <nda.h>

nda_status kernel_add(nda_array *out, const nda_array *x, const nda_array *y);

#endif
