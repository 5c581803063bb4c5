/* True negative: the view kept in c.win (cache.c) is released by cache_close before main resizes
 * the source, so no view is live: no VC006, and the run prints NDA_OK. A file-at-a-time analyzer,
 * which sees cache_open store a view but not cache_close release it, would report VC006 at the
 * nda_resize. */
#include "cache.h"

#include <stdio.h>

int main(void)
{
    nda_array *buf = nda_arange(8);
    if (!buf)
        return 1;
    struct cache c;
    if (cache_open(&c, buf, 1, 5) != 0)
        return 1;
    printf("peek %g\n", cache_peek(&c));
    cache_close(&c);
    nda_status st = nda_resize(buf, 12);
    printf("resize: %s\n", nda_status_name(st));
    nda_release(buf);
    return 0;
}
