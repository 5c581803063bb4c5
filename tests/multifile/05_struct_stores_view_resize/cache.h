/* A cache that keeps a window view of a caller's array in a struct field (cache.c). No finding in
 * a header. */
#ifndef CACHE_H
#define CACHE_H

#include <nda.h>

struct cache {
    nda_array *win;
    ptrdiff_t lo, hi;
};

void cache_open(struct cache *c, nda_array *src, ptrdiff_t lo, ptrdiff_t hi);
double cache_peek(const struct cache *c);
void cache_close(struct cache *c);

#endif
