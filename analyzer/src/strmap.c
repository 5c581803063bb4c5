#include "strmap.h"

#include "util.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

static uint64_t hash(const char *s)
{
    uint64_t h = 1469598103934665603ull;
    for (; *s; s++)
        h = (h ^ (unsigned char)*s) * 1099511628211ull;
    return h;
}

void strmap_init(strmap *m)
{
    m->cap = 64;
    m->count = 0;
    m->keys = xcalloc(m->cap, sizeof *m->keys);
    m->values = xcalloc(m->cap, sizeof *m->values);
}

void strmap_free(strmap *m)
{
    for (size_t i = 0; i < m->cap; i++)
        free(m->keys[i]);
    free(m->keys);
    free(m->values);
    m->keys = NULL;
    m->values = NULL;
}

static size_t slot(const strmap *m, const char *key)
{
    size_t i = hash(key) & (m->cap - 1);
    while (m->keys[i] && strcmp(m->keys[i], key) != 0)
        i = (i + 1) & (m->cap - 1);
    return i;
}

int strmap_get(const strmap *m, const char *key)
{
    size_t i = slot(m, key);
    return m->keys[i] ? m->values[i] : -1;
}

void strmap_put(strmap *m, const char *key, int value)
{
    if (2 * (m->count + 1) > m->cap) {
        strmap old = *m;
        m->cap *= 2;
        m->count = 0;
        m->keys = xcalloc(m->cap, sizeof *m->keys);
        m->values = xcalloc(m->cap, sizeof *m->values);
        for (size_t i = 0; i < old.cap; i++) {
            if (old.keys[i]) {
                size_t j = slot(m, old.keys[i]);
                m->keys[j] = old.keys[i];
                m->values[j] = old.values[i];
                m->count++;
            }
        }
        free(old.keys);
        free(old.values);
    }
    size_t i = slot(m, key);
    if (!m->keys[i]) {
        m->keys[i] = xstrdup(key);
        m->count++;
    }
    m->values[i] = value;
}
