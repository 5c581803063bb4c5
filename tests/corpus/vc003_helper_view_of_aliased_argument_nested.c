/* The helper reads a view of its second parameter after writing its first; a wrapper passes its
 * own two parameters on. The caller of the wrapper passes one array for both: the finding is at
 * that call, with the path through the wrapper and the helper. */
#include <nda.h>
#include <stdio.h>

static void refresh(nda_array *dst, nda_array *src)
{
    nda_array *first = nda_slice(src, 0, 0, 2, 1);
    nda_fill(dst, 0.0);
    nda_print(stdout, first);
    nda_release(first);
}

static void wrapper(nda_array *dst, nda_array *src)
{
    refresh(dst, src);
}

int main(void)
{
    nda_array *a = nda_arange(4);
    nda_array *b = nda_arange(4);
    if (!a || !b)
        return 1;
    wrapper(b, a);
    wrapper(a, a); // expect: VC003
    nda_release(b);
    nda_release(a);
    return 0;
}
