/* main resizes its buffer while the cache (cache.c) still holds a view of it in c.win: VC006,
 * "nda_resize on an array that ... may have a live view", at the nda_resize call. The run prints
 * NDA_EREFERENCED. The window is not read after the resize (only released). */
#include "cache.h"

#include <stdio.h>

int main(void)
{
    nda_array *buf = nda_arange(8);
    if (!buf)
        return 1;
    struct cache c;
    cache_open(&c, buf, 2, 6);
    printf("peek %g\n", cache_peek(&c));
    nda_status st = nda_resize(buf, 16); // expect: VC006
    printf("resize: %s\n", nda_status_name(st));
    cache_close(&c);
    nda_release(buf);
    return 0;
}
