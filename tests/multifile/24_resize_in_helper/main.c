/* main grows its buffer (grow.c) while the tail view from tail.c is live: VC006 ("nda_resize on
 * an array that ... may have a live view"), at the buffer_grow call (the resize happens in the
 * callee on behalf of main's handle). The run prints NDA_EREFERENCED; the tail is not read after
 * the resize. */
#include "buffer.h"

#include <stdio.h>

int main(void)
{
    nda_array *buf = nda_arange(8);
    if (!buf)
        return 1;
    nda_array *tail = buffer_tail(buf, 3);
    printf("tail sum %g\n", nda_sum(tail));
    nda_status st = buffer_grow(buf, 16); // expect: VC006
    printf("grow: %s\n", nda_status_name(st));
    nda_release(tail);
    nda_release(buf);
    return 0;
}
