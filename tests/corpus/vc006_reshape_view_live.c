/* Looks at a 6-element vector as a 2x3 matrix through nda_reshape (a maybe-view), then grows the
 * vector while the reshaped handle is live. Here the reshape is a view at run time, and nda_resize
 * returns NDA_EREFERENCED (checked). VC006: the array "may have a live view" (a maybe-view is
 * one). */
#include <nda.h>
#include <stdio.h>

int main(void)
{
    nda_array *vec = nda_arange(6);
    if (!vec)
        return 1;
    const ptrdiff_t shape[2] = {2, 3};
    nda_array *mat = nda_reshape(vec, 2, shape);
    if (!mat)
        return 1;
    printf("row 1 starts with %g\n", nda_get2(mat, 1, 0));
    nda_status st = nda_resize(vec, 9); // expect: VC006
    printf("resize: %s\n", nda_status_name(st));
    nda_release(mat);
    nda_release(vec);
    return 0;
}
