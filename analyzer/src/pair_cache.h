/* A small open-addressing map from 64-bit keys to bytes, for results that are costly to compute
 * and asked for again and again (the relation of two objects' regions). */
#ifndef VC_PAIR_CACHE_H
#define VC_PAIR_CACHE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

typedef struct {
    uint64_t *keys; /* key + 1; 0: empty */
    uint8_t *values;
    size_t cap, n;
} pair_cache;

bool pair_cache_get(const pair_cache *c, uint64_t key, uint8_t *value);
void pair_cache_put(pair_cache *c, uint64_t key, uint8_t value);
void pair_cache_free(pair_cache *c);

#endif
