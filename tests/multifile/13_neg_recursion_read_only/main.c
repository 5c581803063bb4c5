/* True negative: a head view of `a` is read after the recursive tree_sum (sum.c <-> split.c),
 * which only reads, so nothing wrote the memory it covers (no VC003). An analyzer that gives up
 * on recursion and assumes the cycle writes its (non-const) argument would report VC003 at the
 * last nda_sum. */
#include "tree.h"

#include <stdio.h>

int main(void)
{
    nda_array *a = nda_arange(16);
    if (!a)
        return 1;
    nda_array *head = nda_slice(a, 0, 0, 4, 1);
    double total = tree_sum(a, 3);
    printf("total %g, head %g\n", total, nda_sum(head));
    nda_release(head);
    nda_release(a);
    return 0;
}
