/* Freeing a singly linked list: the next pointer is read before each node is freed, and the
 * walk continues from it. Every node is freed once and none is touched after its release; the
 * analyzer's one abstract handle for "a node reached through ->next" stands for all of them,
 * whose releases are not counted against each other: no VC007. */
#include <stdio.h>
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
        list = next;
    }
}

int main(void)
{
    struct patch *list = NULL;
    for (int i = 0; i < 3; i++) {
        struct patch *p = calloc(1, sizeof *p);
        if (!p)
            break;
        p->name = malloc(8);
        p->next = list;
        list = p;
    }
    printf("built\n");
    free_patch_list(list);
    return 0;
}
