/* cache_open stores a view of its source in c->win; cache_close releases it. No finding here:
 * storing a view is no event; the resize that conflicts with it is main's (rules.md, VC006 is
 * reported at "the nda_resize call"). */
#include "cache.h"

void cache_open(struct cache *c, nda_array *src, ptrdiff_t lo, ptrdiff_t hi)
{
    c->lo = lo;
    c->hi = hi;
    c->win = nda_slice(src, 0, lo, hi, 1);
}

double cache_peek(const struct cache *c)
{
    return c->win ? nda_sum(c->win) : 0.0;
}

void cache_close(struct cache *c)
{
    nda_release(c->win);
    c->win = NULL;
}
