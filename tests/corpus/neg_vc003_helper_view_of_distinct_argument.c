/* The helper reads a view of its second parameter after writing its first: harmless when the
 * two share no memory (distinct arrays, two rows of one matrix), or when the view is made after
 * the write. */
#include <nda.h>
#include <stdio.h>

static void refresh(nda_array *dst, nda_array *src)
{
    nda_array *first = nda_slice(src, 0, 0, 2, 1);
    nda_fill(dst, 0.0);
    nda_print(stdout, first);
    nda_release(first);
}

static void refresh_late_view(nda_array *dst, nda_array *src)
{
    nda_fill(dst, 0.0);
    nda_array *first = nda_slice(src, 0, 0, 2, 1);
    nda_print(stdout, first);
    nda_release(first);
}

int main(void)
{
    const ptrdiff_t shape[2] = {3, 4};
    nda_array *a = nda_arange(4);
    nda_array *b = nda_arange(4);
    nda_array *m = nda_zeros(NDA_FLOAT64, 2, shape);
    nda_array *r0 = m ? nda_row(m, 0) : NULL;
    nda_array *r1 = m ? nda_row(m, 1) : NULL;
    if (!a || !b || !r0 || !r1)
        return 1;
    refresh(b, a);
    refresh(r0, r1);
    refresh_late_view(a, a);
    nda_release(r1);
    nda_release(r0);
    nda_release(m);
    nda_release(b);
    nda_release(a);
    return 0;
}
