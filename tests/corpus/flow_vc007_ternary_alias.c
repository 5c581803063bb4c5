/* Doubles data either in place (IN_PLACE set: work = a, a plain pointer copy) or in a copy, then
 * releases `work` unconditionally. When work == a, that gives up a's only reference and the later
 * sum of `a` is a use after release: a "may" VC007 via the alias made by ?:. */
#include <nda.h>
#include <stdio.h>
#include <stdlib.h>

int main(void)
{
    nda_array *a = nda_arange(6);
    if (!a)
        return 1;
    int in_place = getenv("IN_PLACE") != NULL;
    nda_array *work = in_place ? a : nda_copy(a);
    if (!work)
        return 1;
    nda_scale(work, 2.0);
    nda_print(stdout, work);
    putchar('\n');
    nda_release(work);
    printf("input sum %g\n", nda_sum(a)); // expect: VC007
    nda_release(a);
    return 0;
}
