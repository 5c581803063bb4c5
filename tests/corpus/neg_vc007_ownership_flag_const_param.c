/* A fetch helper in the style of git's promisor_remote_get_direct: it takes the caller's ids as
 * a pointer to const, may replace its working pointer by a fresh list of the ids still missing,
 * and frees the working pointer only when the to_free flag says it owns it. The caller's ids
 * are never freed (freeing a const parameter would need a cast, and happens on the flag's path
 * only): reading them after the call is fine, no VC007. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

struct id {
    unsigned char hash[4];
};

static int narrow(struct id **ids, int *nr, int *to_free)
{
    if (*nr < 2)
        return 1;
    struct id *rest = malloc((size_t)(*nr - 1) * sizeof *rest);
    if (!rest)
        return 1;
    memcpy(rest, *ids + 1, (size_t)(*nr - 1) * sizeof *rest);
    if (*to_free)
        free(*ids);
    *ids = rest;
    *nr -= 1;
    *to_free = 1;
    return 0;
}

static void fetch(const struct id *ids, int nr)
{
    struct id *remaining = (struct id *)ids;
    int remaining_nr = nr, to_free = 0;
    while (!narrow(&remaining, &remaining_nr, &to_free))
        ;
    printf("fetched down to %d id(s)\n", remaining_nr);
    if (to_free)
        free(remaining);
}

int main(void)
{
    struct id *ids = calloc(3, sizeof *ids);
    if (!ids)
        return 1;
    for (int i = 0; i < 3; i++)
        ids[i].hash[0] = (unsigned char)(i + 1);
    fetch(ids, 3);
    printf("first id starts with %d\n", ids[0].hash[0]);
    free(ids);
    return 0;
}
