/* A checkpoint kept in a struct (ckpt.c) and a solver step (solver.c). No finding in a
 * header. */
#ifndef CKPT_H
#define CKPT_H

#include <nda.h>

struct ckpt {
    nda_array *snap;
};

int ckpt_take(struct ckpt *c, nda_array *a);
nda_status ckpt_restore(const struct ckpt *c, nda_array *a);
void ckpt_drop(struct ckpt *c);
void solver_step(nda_array *u);

#endif
