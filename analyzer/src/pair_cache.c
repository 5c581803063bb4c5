#include "pair_cache.h"

#include "util.h"

#include <stdlib.h>

enum { FIRST_CAP = 1024, MAX_CAP = 1 << 20 };

static size_t slot_of(uint64_t key, size_t cap)
{
    key ^= key >> 33;
    key *= 0xff51afd7ed558ccdull;
    key ^= key >> 33;
    return (size_t)key & (cap - 1);
}

bool pair_cache_get(const pair_cache *c, uint64_t key, uint8_t *value)
{
    if (!c->cap)
        return false;
    for (size_t i = slot_of(key, c->cap);; i = (i + 1) & (c->cap - 1)) {
        if (c->keys[i] == 0)
            return false;
        if (c->keys[i] == key + 1) {
            *value = c->values[i];
            return true;
        }
    }
}

static void insert(pair_cache *c, uint64_t stored, uint8_t value)
{
    size_t i = slot_of(stored - 1, c->cap);
    while (c->keys[i] != 0 && c->keys[i] != stored)
        i = (i + 1) & (c->cap - 1);
    c->n += c->keys[i] == 0;
    c->keys[i] = stored;
    c->values[i] = value;
}

static void resize(pair_cache *c, size_t cap)
{
    pair_cache old = *c;
    c->keys = xcalloc(cap, sizeof *c->keys);
    c->values = xcalloc(cap, sizeof *c->values);
    c->cap = cap;
    c->n = 0;
    for (size_t i = 0; i < old.cap && cap > old.cap; i++) /* a full table starts empty */
        if (old.keys[i])
            insert(c, old.keys[i], old.values[i]);
    pair_cache_free(&old);
}

void pair_cache_put(pair_cache *c, uint64_t key, uint8_t value)
{
    if (2 * (c->n + 1) > c->cap)
        resize(c, !c->cap ? FIRST_CAP : c->cap < MAX_CAP ? 2 * c->cap : MAX_CAP);
    insert(c, key + 1, value);
}

void pair_cache_free(pair_cache *c)
{
    free(c->keys);
    free(c->values);
    *c = (pair_cache){0};
}
