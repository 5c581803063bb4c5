/* Found by the differential test (tests/gen, seed 326): the view is written on one branch and
 * then unconditionally; the base is read and the view used again. The first write of the
 * episode is the branch's write on the paths that take it and the axpy on the others: both are
 * reported (VC004 goes on "the write through V"). */
#include <nda.h>
#include <stdio.h>

int main(int argc, char **argv)
{
    (void)argv;
    nda_array *a = nda_arange(8);
    nda_array *b = nda_arange(4);
    nda_array *v = nda_slice(a, 0, 0, 4, 1);
    if (!a || !b || !v)
        return 1;
    if (argc > 1)
        nda_set1(v, 3, 64.0); // expect: VC004
    nda_axpy(v, 0.5, b); // expect: VC004
    printf("%g\n", nda_sum(a));
    printf("%g\n", nda_sum(v));
    nda_release(v);
    nda_release(b);
    nda_release(a);
    return 0;
}
