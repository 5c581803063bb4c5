/* main checkpoints `u` (ckpt.c keeps a view), runs a solver step on `u` (solver.c), then rolls
 * back from the checkpoint: ckpt_restore reads the view after "memory V covers is written through
 * a handle that is neither V nor derived from V": VC003 at the ckpt_restore call (the stale read
 * is in the callee on behalf of main's handles). The rollback restores nothing. */
#include "ckpt.h"

#include <stdio.h>

int main(void)
{
    const ptrdiff_t shape[1] = {4};
    const double v[4] = {5, 6, 7, 8};
    nda_array *u = nda_from_values(NDA_FLOAT64, 1, shape, v);
    struct ckpt c;
    if (!u || ckpt_take(&c, u) != 0)
        return 1;
    solver_step(u);
    ckpt_restore(&c, u); // expect: VC003
    nda_print(stdout, u);
    putchar('\n');
    ckpt_drop(&c);
    nda_release(u);
    return 0;
}
