/* The same list walk, but the loop clears the node's name after freeing it: the head node is
 * used after its release. VC007 at the write through the freed node (the node the caller passed:
 * the first iteration frees it and then writes to it). */
#include <stdlib.h>

struct patch {
    struct patch *next;
    char *name;
};

static void free_patch(struct patch *p)
{
    free(p->name);
    free(p);
}

static void free_patch_list(struct patch *list)
{
    while (list) {
        struct patch *next = list->next;
        free_patch(list);
        list->name = NULL; // expect: VC007
        list = next;
    }
}

int main(void)
{
    struct patch *p = calloc(1, sizeof *p);
    if (!p)
        return 1;
    free_patch_list(p);
    return 0;
}
