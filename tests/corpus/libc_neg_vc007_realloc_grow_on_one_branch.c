/* The usual growable array: the buffer is reallocated only when it is full, and the element
 * pointer is taken afterwards from the member, which on the growing path already holds the new
 * buffer. The old buffer is released on that path only, and nothing holds it there any more:
 * no VC007 (it was "may be used after it was released", the paths' facts mixed at the join). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

struct samples {
    double *items;
    int n, cap;
};

static double *push(struct samples *s)
{
    if (s->n >= s->cap) {
        int cap = s->cap ? 2 * s->cap : 4;
        double *grown = realloc(s->items, (size_t)cap * sizeof *grown);
        if (!grown)
            return NULL;
        s->items = grown;
        s->cap = cap;
    }
    double *slot = &s->items[s->n++];
    memset(slot, 0, sizeof *slot);
    return slot;
}

int main(void)
{
    struct samples s = {NULL, 0, 0};
    for (int i = 0; i < 10; i++) {
        double *slot = push(&s);
        if (!slot)
            return 1;
        *slot = i * 0.5;
    }
    printf("%d samples, last %g\n", s.n, s.items[s.n - 1]);
    free(s.items);
    return 0;
}
