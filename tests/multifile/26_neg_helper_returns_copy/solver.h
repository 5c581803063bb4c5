/* snapshot (snapshot.c) returns an independent copy; step (step.c) updates its argument in
 * place. No finding in a header. */
#ifndef SOLVER_H
#define SOLVER_H

#include <nda.h>

nda_array *snapshot(nda_array *a);
void step(nda_array *a);

#endif
