/* Two operations whose addresses go into a table: op_negate writes its argument, op_show only
 * reads it. No finding here: each touches only the caller's handle, and rules.md reports the
 * consequence at main's call through the pointer. */
#include "ops.h"

#include <stdio.h>
#include <string.h>

static void op_negate(nda_array *x)
{
    nda_scale(x, -1.0);
}

static void op_show(nda_array *x)
{
    nda_print(stdout, x);
    putchar('\n');
}

static const struct {
    const char *name;
    op_fn fn;
} table[] = {{"negate", op_negate}, {"show", op_show}};

op_fn op_lookup(const char *name)
{
    for (size_t i = 0; i < sizeof table / sizeof table[0]; i++)
        if (strcmp(table[i].name, name) == 0)
            return table[i].fn;
    return op_show;
}
