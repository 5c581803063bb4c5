/* A table of handlers in a global array of structs: the "drop" entry's handler frees its
 * argument. Dispatching through handlers[i].run may call it, and the buffer is printed after
 * the dispatch: VC007 ("may": which handler runs is known at run time only). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

struct handler {
    const char *name;
    void (*run)(void *);
};

static void show(void *p)
{
    printf("show %s\n", (const char *)p);
}

static void drop(void *p)
{
    free(p);
}

static const struct handler handlers[] = {{"show", show}, {"drop", drop}};

int main(int argc, char **argv)
{
    (void)argv;
    char *text = malloc(8);
    if (!text)
        return 1;
    strcpy(text, "hello");
    size_t which = argc > 1 ? 1 : 0;
    handlers[which].run(text);
    printf("after %s: %s\n", handlers[which].name, text); // expect: VC007
    if (which == 0)
        free(text);
    return 0;
}
