/* ckpt_take stores nda_view(a), meant as a snapshot, in c->snap; ckpt_restore copies it back;
 * ckpt_drop releases it. No finding here: the stale read in ckpt_restore is on behalf of main's
 * handles, so rules.md reports it at main's call. */
#include "ckpt.h"

int ckpt_take(struct ckpt *c, nda_array *a)
{
    c->snap = nda_view(a);
    return c->snap ? 0 : -1;
}

nda_status ckpt_restore(const struct ckpt *c, nda_array *a)
{
    return nda_copyto(a, c->snap);
}

void ckpt_drop(struct ckpt *c)
{
    nda_release(c->snap);
    c->snap = NULL;
}
