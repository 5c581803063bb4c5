/* Models by function name: an open-addressing hash table. */
#include "models.h"

#include "util.h"

#include <stdlib.h>
#include <string.h>

struct vc_model_set {
    vc_model **slots;
    size_t cap, count;
};

static uint64_t hash(const char *s)
{
    uint64_t h = 1469598103934665603ull;
    for (; *s; s++)
        h = (h ^ (unsigned char)*s) * 1099511628211ull;
    return h;
}

vc_model_set *model_set_new(void)
{
    vc_model_set *s = xcalloc(1, sizeof *s);
    s->cap = 256;
    s->slots = xcalloc(s->cap, sizeof *s->slots);
    return s;
}

void model_set_free(vc_model_set *s)
{
    if (!s)
        return;
    for (size_t i = 0; i < s->cap; i++) {
        if (s->slots[i]) {
            model_clear(s->slots[i]);
            free(s->slots[i]->function);
            free(s->slots[i]->origin);
            free(s->slots[i]);
        }
    }
    free(s->slots);
    free(s);
}

static size_t find_slot(const vc_model_set *s, const char *function)
{
    size_t i = hash(function) & (s->cap - 1);
    while (s->slots[i] && strcmp(s->slots[i]->function, function) != 0)
        i = (i + 1) & (s->cap - 1);
    return i;
}

vc_model *model_set_get(vc_model_set *s, const char *function)
{
    return s->slots[find_slot(s, function)];
}

static void grow(vc_model_set *s)
{
    vc_model **old = s->slots;
    size_t old_cap = s->cap;
    s->cap *= 2;
    s->slots = xcalloc(s->cap, sizeof *s->slots);
    for (size_t i = 0; i < old_cap; i++)
        if (old[i])
            s->slots[find_slot(s, old[i]->function)] = old[i];
    free(old);
}

vc_model *model_set_add(vc_model_set *s, const char *function, const char *origin)
{
    if (2 * (s->count + 1) > s->cap)
        grow(s);
    size_t i = find_slot(s, function);
    if (s->slots[i]) {
        model_clear(s->slots[i]);
        free(s->slots[i]->origin);
        s->slots[i]->origin = xstrdup(origin);
        return s->slots[i];
    }
    vc_model *m = xcalloc(1, sizeof *m);
    m->function = xstrdup(function);
    m->origin = xstrdup(origin);
    s->slots[i] = m;
    s->count++;
    return m;
}

vc_model *model_set_next(const vc_model_set *s, size_t *cursor)
{
    while (*cursor < s->cap) {
        vc_model *m = s->slots[(*cursor)++];
        if (m)
            return m;
    }
    return NULL;
}
