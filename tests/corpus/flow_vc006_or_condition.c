/* Ensures a queue has room with `nda_size(q) >= cap || nda_resize(q, cap) == NDA_OK`. A view of
 * the queue head is still live when the || reaches the resize, so it fails with NDA_EREFERENCED
 * (checked): VC006 on the line of that condition (the nda_resize call). */
#include <nda.h>
#include <stdio.h>

int main(void)
{
    const ptrdiff_t cap = 8;
    nda_array *q = nda_arange(4);
    if (!q)
        return 1;
    nda_array *head = nda_slice(q, 0, 0, 1, 1);
    if (!head)
        return 1;
    printf("head %g\n", nda_get1(head, 0));
    if (nda_size(q) >= cap || nda_resize(q, cap) == NDA_OK) // expect: VC006
        printf("room for %td items\n", nda_size(q));
    else
        printf("could not grow: %s\n", nda_status_name(nda_last_status()));
    nda_release(head);
    nda_release(q);
    return 0;
}
