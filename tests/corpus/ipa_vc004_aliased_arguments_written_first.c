/* Found by the differential test (tests/gen, seed 2315): `scale_then_peek` writes its first
 * parameter and then reads its second; main passes a view and its base. Inside the call the
 * write through the view changes memory the base read then sees, and main uses the view again
 * afterwards: VC004 at the call, where the two arguments alias (rules.md). */
#include <nda.h>
#include <stdio.h>

static double scale_then_peek(nda_array *part, const nda_array *whole)
{
    nda_scale(part, 2.0);
    return nda_get1(whole, 3);
}

int main(void)
{
    nda_array *a = nda_arange(8);
    nda_array *v = nda_slice(a, 0, 1, 5, 1);
    if (!a || !v)
        return 1;
    printf("%g\n", scale_then_peek(v, a)); // expect: VC004
    nda_array *c = nda_copy(v);
    nda_release(c);
    nda_release(v);
    nda_release(a);
    return 0;
}
