/* An allocate-and-zero macro in the style of git's ALLOC_GROW_BY and FLEX_ALLOC: the malloc and
 * the memset are one macro expansion, so they share one source position. Each iteration gets a
 * fresh block, uses it and frees it: the block used is never the one freed in the previous
 * iteration, and three allocations in one expansion are three blocks. No VC007. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define NEW_ZEROED(x, n)                                                                           \
    do {                                                                                           \
        (x) = malloc(n);                                                                           \
        if (!(x))                                                                                  \
            abort();                                                                               \
        memset((x), 0, (n));                                                                       \
    } while (0)

#define THREE_NAMES(a, b, c)                                                                       \
    do {                                                                                           \
        NEW_ZEROED(a, 8);                                                                          \
        NEW_ZEROED(b, 8);                                                                          \
        NEW_ZEROED(c, 8);                                                                          \
    } while (0)

int main(int argc, char **argv)
{
    (void)argv;
    int total = 0;
    for (int i = 0; i < argc + 2; i++) {
        int *e;
        NEW_ZEROED(e, sizeof *e);
        e[0] = i;
        total += e[0];
        free(e);
    }
    char *a, *b, *c;
    THREE_NAMES(a, b, c);
    free(a);
    free(b);
    free(c);
    printf("total %d\n", total);
    return 0;
}
