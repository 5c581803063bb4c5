/* After freeing a node, the code computes offsetof(__typeof__(*p), next) and sizeof(p->value)
 * (as container_of-style and allocation macros do): neither evaluates *p, so the freed node is
 * not used. Then p gets a fresh node before its members are touched. No VC007. */
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>

struct node {
    int value;
    struct node *next;
};

int main(void)
{
    struct node *p = calloc(1, sizeof *p);
    if (!p)
        return 1;
    free(p);
    size_t where = offsetof(__typeof__(*p), next) + sizeof(p->value);
    p = calloc(1, sizeof *p);
    if (!p)
        return 1;
    p->value = (int)where;
    printf("%d\n", p->value);
    free(p);
    return 0;
}
