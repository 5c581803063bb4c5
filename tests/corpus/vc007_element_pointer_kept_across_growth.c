/* The same growable array, but the pointer to the first record is taken once before the loop
 * and used after records were added: when a growth moves the array, the pointer points into
 * the released block. VC007 at the use ("may": only when a growth happened). */
#include <stdio.h>
#include <stdlib.h>

struct record {
    int count;
};

int main(int argc, char **argv)
{
    size_t alloc = 1, nr = 1;
    struct record *items = calloc(alloc, sizeof *items);
    if (!items)
        return 1;
    struct record *first = &items[0];
    for (int i = 1; i < argc; i++) {
        if (nr + 1 > alloc) {
            alloc *= 2;
            struct record *grown = realloc(items, alloc * sizeof *items);
            if (!grown)
                break;
            items = grown;
        }
        items[nr++].count = (int)argv[i][0];
    }
    first->count = -1; // expect: VC007
    printf("%zu records\n", nr);
    free(items);
    return 0;
}
