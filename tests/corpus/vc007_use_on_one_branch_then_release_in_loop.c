/* Found by the differential test (tests/gen, seed 370): in the loop the handle is read on one
 * branch and released on every iteration. From the second iteration on, the read (when the
 * branch runs) or the release itself (when it does not) is the first use after the release:
 * both lines are findings, each on its own paths. */
#include <nda.h>
#include <stdio.h>

int main(int argc, char **argv)
{
    (void)argv;
    double acc = 0;
    nda_array *a = nda_arange(4);
    nda_array *v = nda_slice(a, 0, 0, 4, 1);
    if (!a || !v)
        return 1;
    for (int i = 0; i < 3; i++) {
        if (argc > 1)
            acc += nda_sum(v); // expect: VC007
        nda_release(v); // expect: VC007
    }
    printf("%g\n", acc);
    nda_release(a);
    return 0;
}
