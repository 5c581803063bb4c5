/* Found by the differential test (tests/gen, seed 6410), reduced: the helper makes a view of its
 * second parameter, writes through its first, then reads the view. Called with one array for
 * both, the view is stale when it is read; the finding is at the call, where the aliasing is
 * visible. */
#include <nda.h>
#include <stdio.h>

static void scale_then_square(nda_array *out, nda_array *src)
{
    nda_array *head = nda_slice(src, 0, 0, 4, 1);
    nda_axpy(out, 0.5, out);
    nda_mul(out, head, head);
    nda_release(head);
}

int main(void)
{
    nda_array *a = nda_arange(4);
    if (!a)
        return 1;
    scale_then_square(a, a); // expect: VC003
    nda_release(a);
    return 0;
}
