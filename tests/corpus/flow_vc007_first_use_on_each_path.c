/* Found by the differential test (tests/gen, seed 171): the handle is released on one branch,
 * then used on two later branches that do not depend on each other. Each use is the first
 * consequence of the release on some path (the second branch can run without the first), so
 * each is reported: "one root cause, one finding" is per path. */
#include <nda.h>
#include <stdio.h>

static void stamp(nda_array *q)
{
    nda_set1(q, 0, 75.0);
}

int main(int argc, char **argv)
{
    (void)argv;
    nda_array *a = nda_arange(8);
    if (!a)
        return 1;
    if (argc > 3)
        nda_release(a);
    if (argc > 2)
        nda_copyto(a, a); // expect: VC007
    if (argc > 1)
        stamp(a); // expect: VC007
    printf("done\n");
    return 0;
}
