/* A solver type table in the style of GSL's s->type->free(s->state): two solver types, each
 * with its own free hook, both of which free the state. The call through the table runs one of
 * them, so the state is freed once, and the solver itself is freed after: no VC007. */
#include <stdio.h>
#include <stdlib.h>

typedef struct {
    const char *name;
    void (*free)(void *state);
} solver_type;

typedef struct {
    const solver_type *type;
    void *state;
} solver;

static void plain_free(void *state)
{
    free(state);
}

static void verbose_free(void *state)
{
    printf("freeing state\n");
    free(state);
}

static const solver_type plain = {"plain", plain_free}, verbose = {"verbose", verbose_free};

static void solver_free(solver *s)
{
    s->type->free(s->state);
    free(s);
}

int main(int argc, char **argv)
{
    (void)argv;
    solver *s = malloc(sizeof *s);
    if (!s)
        return 1;
    s->type = argc > 1 ? &verbose : &plain;
    s->state = malloc(16);
    solver_free(s);
    return 0;
}
