/* Found by the differential test (tests/gen, seed 84 of the first run): inside the loop the
 * handle is released and then, in the same iteration, filled. The first consequence of the
 * release on the path is the fill, in the first iteration; the release running again in the
 * second iteration is a later consequence of the same release and is not reported again
 * ("one root cause, one finding, at the first consequence on the path"). */
#include <nda.h>
#include <stdio.h>

int main(void)
{
    nda_array *a = nda_arange(8);
    nda_array *v = nda_slice(a, 0, 0, 4, 1);
    if (!a || !v)
        return 1;
    for (int i = 0; i < 3; i++) {
        nda_release(v);
        nda_fill(v, (double)i); // expect: VC007
    }
    printf("%g\n", nda_sum(a));
    nda_release(a);
    return 0;
}
