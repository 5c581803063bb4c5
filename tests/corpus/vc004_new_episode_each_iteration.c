/* Found by the differential test (tests/gen, seed 7664): the view is written before the loop,
 * then in the loop filled and then copied from its base (the call reads the base and writes the
 * view: the episode ends there, VC004 at the write before the loop). From the second iteration
 * on, the fill begins a new episode that the next copy ends: VC004 at the fill too. Where
 * the loop's back edge joins the path from before the loop, each path keeps its own episode. */
#include <nda.h>
#include <stdio.h>

int main(void)
{
    nda_array *a = nda_arange(4);
    nda_array *v = nda_slice(a, 0, 0, 4, 1);
    if (!a || !v)
        return 1;
    nda_set1(v, 3, 21.0); // expect: VC004
    for (int i = 0; i < 3; i++) {
        nda_fill(v, 97.0); // expect: VC004
        nda_copyto(v, a);
    }
    printf("%g\n", nda_sum(v));
    nda_release(v);
    nda_release(a);
    return 0;
}
