/* main applies an operation chosen on the command line to a view, prints the base, then sums the
 * view: the call through `fn` may reach op_negate (ops.c), a function of that type whose address
 * is taken and which writes, so VC004 ("may") at that call. `./a.out negate` shows the base
 * change. */
#include "ops.h"

#include <stdio.h>

int main(int argc, char **argv)
{
    nda_array *a = nda_arange(6);
    if (!a)
        return 1;
    nda_array *v = nda_slice(a, 0, 1, 4, 1);
    op_fn fn = op_lookup(argc > 1 ? argv[1] : "show");
    fn(v); // expect: VC004
    nda_print(stdout, a);
    putchar('\n');
    printf("view sum %g\n", nda_sum(v));
    nda_release(v);
    nda_release(a);
    return 0;
}
