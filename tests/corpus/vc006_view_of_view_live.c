/* Takes the even half of a buffer, then the first two evens from that half, releases the half and
 * resizes the buffer. The second view is still live and refers to the buffer (view chains collapse
 * to the owner), so nda_resize returns NDA_EREFERENCED (checked). VC006: "may have a live view". */
#include <nda.h>
#include <stdio.h>

int main(void)
{
    nda_array *buf = nda_arange(8);
    if (!buf)
        return 1;
    nda_array *evens = nda_slice(buf, 0, 0, NDA_END, 2);
    nda_array *head = nda_slice(evens, 0, 0, 2, 1);
    if (!evens || !head)
        return 1;
    nda_release(evens);
    printf("head sum %g\n", nda_sum(head));
    nda_status st = nda_resize(buf, 16); // expect: VC006
    printf("resize: %s\n", nda_status_name(st));
    nda_release(head);
    nda_release(buf);
    return 0;
}
