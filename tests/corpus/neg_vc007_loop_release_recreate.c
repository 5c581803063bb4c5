/* Iterates a "double and copy" step: each round makes `next` from `cur`, releases `cur` and moves
 * `next` into `cur`. Inside the loop every release is followed by a reassignment before any use,
 * so no handle is used after it gave up its reference. No finding in this file. */
#include <nda.h>
#include <stdio.h>

int main(void)
{
    nda_array *cur = nda_arange(4);
    if (!cur)
        return 1;
    for (int round = 0; round < 3; round++) {
        nda_array *next = nda_copy(cur);
        if (!next)
            break;
        nda_scale(next, 2.0);
        nda_release(cur);
        cur = next;
        printf("round %d: sum %g\n", round, nda_sum(cur));
    }
    nda_print(stdout, cur);
    putchar('\n');
    nda_release(cur);
    return 0;
}
