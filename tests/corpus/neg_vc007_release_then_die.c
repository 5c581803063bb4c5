/* A transaction helper in the style of git's ref_transaction_prepare: on a failed hook it
 * aborts (which frees the transaction) and then calls die(), which does not return. Every path
 * that comes back to the caller left the transaction alive, so the caller's commit-then-free is
 * a single release: no VC007. The same with C11's _Noreturn. */
#include <stdio.h>
#include <stdlib.h>

struct transaction {
    int state;
};

__attribute__((noreturn)) static void die(const char *why)
{
    fprintf(stderr, "fatal: %s\n", why);
    exit(128);
}

_Noreturn static void die_plain(void)
{
    exit(129);
}

static void abort_transaction(struct transaction *t)
{
    free(t);
}

static int prepare(struct transaction *t, int hook_fails)
{
    if (hook_fails == 1) {
        abort_transaction(t);
        die("hook declined");
    }
    if (hook_fails == 2) {
        abort_transaction(t);
        die_plain();
    }
    t->state = 1;
    return 0;
}

int main(int argc, char **argv)
{
    (void)argv;
    struct transaction *t = calloc(1, sizeof *t);
    if (!t)
        return 1;
    prepare(t, argc - 1);
    printf("state %d\n", t->state);
    free(t);
    return 0;
}
