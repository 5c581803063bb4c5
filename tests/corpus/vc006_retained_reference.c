/* Registers a buffer with a "consumer" by retaining it, then tries to double the buffer while the
 * consumer still holds its reference. Run: nda_resize returns NDA_EREFERENCED. VC006: resize of an
 * array that "may have another live reference (nda_retain ...)". */
#include <nda.h>
#include <stdio.h>

int main(void)
{
    nda_array *buf = nda_arange(4);
    if (!buf)
        return 1;
    nda_array *consumer = nda_retain(buf);
    printf("consumer sees %td items\n", nda_size(consumer));
    nda_status st = nda_resize(buf, 8); // expect: VC006
    printf("resize: %s\n", nda_status_name(st));
    nda_release(consumer);
    nda_release(buf);
    return 0;
}
