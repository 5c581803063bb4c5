/* A three-file pipeline: main -> pipeline_run (pipeline.c) -> kernel_ramp (kernels.c). No finding
 * in a header. */
#ifndef PIPELINE_H
#define PIPELINE_H

#include <nda.h>

double pipeline_run(const double *values, ptrdiff_t n);
void kernel_ramp(nda_array *x);

#endif
