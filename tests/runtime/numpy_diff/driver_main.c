/* numpy_diff driver: reads programs of the op language (nda_model.py) from stdin, runs them on
 * nda and prints one result line per op and the state of every variable at each "end". */
#include "driver.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static op_handler find_op(const char *name)
{
    op_handler h = find_view_op(name);
    if (!h)
        h = find_copy_op(name);
    if (!h)
        h = find_write_op(name);
    if (!h)
        h = find_query_op(name);
    return h;
}

static bool tokenize(char *text, line *l)
{
    l->count = 0;
    for (char *t = strtok(text, " \n"); t; t = strtok(NULL, " \n")) {
        if (l->count == MAX_TOKENS)
            return false;
        l->tok[l->count++] = t;
    }
    return true;
}

static void release_all(program *p)
{
    for (int k = 0; k < p->count; k++) {
        nda_release(p->vars[k]);
        p->vars[k] = NULL;
    }
    p->count = 0;
}

static int fail(long lineno, const char *why)
{
    fprintf(stderr, "numpy_diff_driver: input line %ld: %s\n", lineno, why);
    return 2;
}

/* Runs one input line; returns 0, or 2 for malformed input. */
static int run_line(program *p, const line *l, long lineno, int *op_index)
{
    if (l->count == 0)
        return 0;
    if (strcmp(l->tok[0], "begin") == 0 && l->count == 2) {
        release_all(p);
        *op_index = 0;
        printf("begin %s\n", l->tok[1]);
        return 0;
    }
    if (strcmp(l->tok[0], "end") == 0) {
        report_vars(p);
        printf("end\n");
        release_all(p);
        return 0;
    }
    op_handler h = find_op(l->tok[0]);
    if (!h)
        return fail(lineno, "unknown op");
    const char *result = h(p, l);
    if (!result)
        return fail(lineno, "malformed op");
    printf("%d %s\n", (*op_index)++, result);
    return 0;
}

int main(void)
{
    static program prog;
    static char text[1 << 16];
    line l;
    int op_index = 0;
    for (long lineno = 1; fgets(text, sizeof text, stdin); lineno++) {
        if (!tokenize(text, &l))
            return fail(lineno, "too many tokens");
        int rc = run_line(&prog, &l, lineno, &op_index);
        if (rc)
            return rc;
    }
    release_all(&prog);
    return 0;
}
