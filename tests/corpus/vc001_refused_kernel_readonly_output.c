/* A kernel that refuses the call (its output overlaps an input: VC002) still targets read-only
 * memory: writing there was the intent, and the checked mode reports it too. */
#include <nda.h>

int main(void)
{
    nda_array *v = nda_arange(8);
    nda_array *a = nda_slice(v, 0, 0, 4, 1);
    nda_array *b = nda_slice(v, 0, 2, 6, 1);
    if (!v || !a || !b)
        return 1;
    nda_set_writeable(a, false);
    nda_add(a, a, b); // expect: VC001 VC002
    nda_release(b);
    nda_release(a);
    nda_release(v);
    return 0;
}
