/* `append_zeros` grows its argument with nda_resize; main calls it while a view of the first two
 * elements is still live. The resize happens in the callee on main's handles (the array and its
 * view are visible only together in main): VC006 at the call site. Run: NDA_EREFERENCED. */
#include <nda.h>
#include <stdio.h>

static nda_status append_zeros(nda_array *a, ptrdiff_t extra)
{
    return nda_resize(a, nda_size(a) + extra);
}

int main(void)
{
    nda_array *queue = nda_arange(4);
    if (!queue)
        return 1;
    nda_array *front = nda_slice(queue, 0, 0, 2, 1);
    if (!front)
        return 1;
    printf("front sum %g\n", nda_sum(front));
    nda_status st = append_zeros(queue, 4); // expect: VC006
    printf("append: %s\n", nda_status_name(st));
    nda_release(front);
    nda_release(queue);
    return 0;
}
