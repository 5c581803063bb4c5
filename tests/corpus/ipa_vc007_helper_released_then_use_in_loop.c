/* Found by the differential test (tests/gen, seed 33 of the first run): a helper releases its
 * argument; the loop calls it and then writes the handle in the same iteration. VC007 at the
 * write, the first consequence of the release made inside the call. */
#include <nda.h>
#include <stdio.h>

static void drop(nda_array *q)
{
    nda_release(q);
}

int main(void)
{
    nda_array *a = nda_arange(8);
    nda_array *v = nda_slice(a, 0, 0, 8, 2);
    if (!a || !v)
        return 1;
    for (int i = 0; i < 3; i++) {
        drop(v);
        printf("%g\n", nda_get1(a, 5));
        nda_set1(v, 2, 58.0); // expect: VC007
    }
    nda_release(a);
    return 0;
}
