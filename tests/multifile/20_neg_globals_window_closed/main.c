/* True negative: the global view g_win is released by window_close (window.c) before main
 * resizes g_buf, so no view is live: no VC006, and the run prints NDA_OK. A file-at-a-time
 * analyzer, which cannot see that window_close releases the view, would report VC006 at the
 * nda_resize. */
#include "buffer.h"

#include <stdio.h>

int main(void)
{
    if (buffer_init(8) != 0 || window_open(2, 6) != 0)
        return 1;
    printf("window mean %g\n", window_mean());
    window_close();
    nda_status st = nda_resize(g_buf, 12);
    printf("resize: %s\n", nda_status_name(st));
    nda_print(stdout, g_buf);
    putchar('\n');
    buffer_free();
    return 0;
}
