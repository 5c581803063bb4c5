/* Found by the differential test (tests/gen, seed 734): passing a handle to a function whose
 * body does nothing with that parameter is not a use of it. `a` is released by the first call
 * and given to `drop_first` again as its second, unused argument: no finding there; its next
 * real use (nda_sum) is the finding. */
#include <nda.h>
#include <stdio.h>

static void drop_first(nda_array *q0, nda_array *q1)
{
    (void)q1;
    nda_release(q0);
}

int main(void)
{
    nda_array *a = nda_arange(8);
    nda_array *b = nda_arange(8);
    if (!a || !b)
        return 1;
    drop_first(a, b);
    drop_first(b, a);
    printf("%g\n", nda_sum(a)); // expect: VC007
    return 0;
}
