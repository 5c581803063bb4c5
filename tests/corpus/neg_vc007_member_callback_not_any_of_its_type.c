/* Two callbacks of the same type void (*)(void *): a cleanup hook that frees its argument,
 * stored in cleanup.run, and a prefetch hook that only reads it, stored in options.prefetch.
 * The call through options->prefetch reaches the functions stored in members named prefetch,
 * not every function of its type, so the data is not freed there and is used (and freed)
 * afterwards: no VC007. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

struct cleanup {
    void (*run)(void *);
};

struct fetch_options {
    void (*prefetch)(void *);
    void *data;
};

static void free_hook(void *p)
{
    free(p);
}

static void print_hook(void *p)
{
    printf("prefetching %s\n", (const char *)p);
}

static void populate(const struct fetch_options *options)
{
    if (options->prefetch)
        options->prefetch(options->data);
}

int main(void)
{
    char *name = malloc(8);
    if (!name)
        return 1;
    strcpy(name, "HEAD");
    struct fetch_options options = {0};
    options.prefetch = print_hook;
    options.data = name;
    populate(&options);
    printf("fetched %s\n", name);
    struct cleanup at_exit = {free_hook};
    at_exit.run(name);
    return 0;
}
