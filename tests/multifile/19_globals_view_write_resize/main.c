/* VC004 at brighten(g_roi, ...): the global view is written (filters.c), g_frame is read
 * (report.c), then g_roi is used again here. VC006 at the nda_resize: g_frame has the live view
 * g_roi made in globals.c ("may have a live view"); the run prints NDA_EREFERENCED. g_roi is not
 * read after the resize. */
#include "frames.h"

#include <stdio.h>

int main(void)
{
    if (frames_init(8) != 0)
        return 1;
    brighten(g_roi, 2.0); // expect: VC004
    report();
    printf("roi sum %g\n", nda_sum(g_roi));
    nda_status st = nda_resize(g_frame, 16); // expect: VC006
    printf("resize: %s\n", nda_status_name(st));
    frames_shutdown();
    return 0;
}
