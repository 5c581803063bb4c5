/* Found by the differential test (tests/gen, seed 413): `peek` makes a view of its argument and
 * never releases it, so the argument keeps a reference for good; the resize in main fails with
 * NDA_EREFERENCED. The summary of `peek` says it keeps a reference to its parameter (a view
 * made and neither released, returned nor stored), and the call leaves one behind. */
#include <nda.h>
#include <stdio.h>

static void peek(nda_array *q)
{
    nda_array *tail = nda_slice(q, 0, 4, 8, 1);
    printf("%g\n", nda_get1(tail, 0));
}

int main(void)
{
    nda_array *a = nda_arange(8);
    if (!a)
        return 1;
    peek(a);
    nda_resize(a, 12); // expect: VC006
    nda_release(a);
    return 0;
}
