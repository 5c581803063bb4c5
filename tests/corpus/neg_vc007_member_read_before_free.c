/* The same node: its length is read into a local before the helper frees it, and the pointer
 * is set to a fresh node before its members are touched again: every member access reads a
 * live struct, no VC007. */
#include <stdio.h>
#include <stdlib.h>

struct node {
    size_t len;
    struct node *next;
};

static void drop(struct node *n)
{
    free(n);
}

int main(int argc, char **argv)
{
    (void)argv;
    struct node *n = calloc(1, sizeof *n);
    if (!n)
        return 1;
    n->len = (size_t)argc;
    size_t len = n->len;
    drop(n);
    n = calloc(1, sizeof *n);
    if (!n)
        return 1;
    n->len = len + 1;
    printf("len %zu then %zu\n", len, n->len);
    free(n);
    return 0;
}
