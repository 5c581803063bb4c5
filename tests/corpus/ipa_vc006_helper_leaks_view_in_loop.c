/* Found by the differential test (tests/gen, seed 2072): the helper that keeps a view of its
 * argument is called in a loop, and the resize comes later on a branch. The reference the call
 * leaves stays across the loop and the branch (no variable of main holds it, and it is not
 * forgotten for that): VC006, a "may" since the loop may not run. */
#include <nda.h>
#include <stdio.h>

static void peek(nda_array *q)
{
    nda_array *tail = nda_slice(q, 0, 4, 8, 1);
    printf("%g\n", nda_get1(tail, 0));
}

int main(int argc, char **argv)
{
    (void)argv;
    nda_array *a = nda_arange(8);
    if (!a)
        return 1;
    for (int i = 0; i < argc; i++)
        peek(a);
    if (argc > 1)
        nda_resize(a, 12); // expect: VC006
    nda_release(a);
    return 0;
}
