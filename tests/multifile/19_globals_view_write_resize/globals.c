/* Defines the global handles; frames_init makes g_frame and the view g_roi = g_frame[2:6],
 * frames_shutdown releases both. No finding here: making and releasing are no conflicting
 * accesses. */
#include "frames.h"

nda_array *g_frame;
nda_array *g_roi;

int frames_init(ptrdiff_t n)
{
    g_frame = nda_arange(n);
    if (!g_frame)
        return -1;
    g_roi = nda_slice(g_frame, 0, 2, 6, 1);
    return g_roi ? 0 : -1;
}

void frames_shutdown(void)
{
    nda_release(g_roi);
    nda_release(g_frame);
}
