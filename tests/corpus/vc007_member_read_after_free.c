/* A node is freed by a helper and its length field read afterwards: reading p->len reads the
 * struct p points to, which was released. VC007 at the member read (and the same through an
 * element of an array of structs, items[0].len, after the array is freed). */
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
    struct node *items = calloc(2, sizeof *items);
    if (!n || !items)
        return 1;
    n->len = (size_t)argc;
    drop(n);
    printf("len %zu\n", n->len); // expect: VC007
    free(items);
    items[0].len = 3; // expect: VC007
    return 0;
}
