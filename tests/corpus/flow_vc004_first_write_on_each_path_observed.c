/* Found by the differential test (tests/gen, seed 1063): on one branch the view is written and
 * its base read (an episode that is already observed); on the other, later, the view is
 * written in a loop. Then the base is read and the view used: on the paths through the loop the
 * first write of the episode is the loop's. Where the paths join, the analyzer keeps each path's
 * first write with whether the base was read since, and reports each episode that was. */
#include <nda.h>
#include <stdio.h>

int main(int argc, char **argv)
{
    (void)argv;
    double acc = 0;
    nda_array *a = nda_arange(8);
    nda_array *v = nda_view(a);
    if (!a || !v)
        return 1;
    if (argc > 2) {
        nda_copyto(v, a); // expect: VC004
        acc += nda_get1(a, 1);
    }
    if (argc > 1) {
        for (int i = 0; i < 2; i++)
            nda_add(v, v, v); // expect: VC004
    }
    nda_array *c = nda_copy(a);
    acc += nda_sum(v);
    printf("%g\n", acc);
    nda_release(c);
    nda_release(v);
    nda_release(a);
    return 0;
}
