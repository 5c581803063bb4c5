/* Parsing records into a growable array in the style of git's ALLOC_GROW: inside the loop the
 * array is grown with realloc when full (through a helper that reallocs or dies), and a pointer
 * to the newest element is taken after each growth. Each realloc releases the block the field
 * holds at that moment, never one already released; the element pointer is always re-taken
 * after a growth before it is used: no VC007. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

struct record {
    int count;
};

struct records {
    struct record *items;
    size_t nr, alloc;
};

static void *grow_or_die(void *ptr, size_t size)
{
    void *grown = realloc(ptr, size);
    if (!grown) {
        fprintf(stderr, "out of memory\n");
        exit(1);
    }
    return grown;
}

static void parse(struct records *r, const char *text)
{
    struct record *current = NULL;
    for (const char *p = text; *p; p++) {
        if (*p == '[') {
            if (r->nr + 1 > r->alloc) {
                r->alloc = r->alloc * 2 + 1;
                r->items = grow_or_die(r->items, r->alloc * sizeof(*r->items));
            }
            memset(r->items + r->nr, 0, sizeof(*r->items));
            r->nr++;
            current = r->items + r->nr - 1;
        }
        if (current)
            current->count++;
    }
}

int main(void)
{
    struct records r = {NULL, 0, 0};
    parse(&r, "[ab][c][defg][h]");
    for (size_t i = 0; i < r.nr; i++)
        printf("record %zu: %d\n", i, r.items[i].count);
    free(r.items);
    return 0;
}
