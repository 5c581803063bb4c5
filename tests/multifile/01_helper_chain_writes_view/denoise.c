/* denoise passes its parameter on to clip_negative (clip.c). No finding here: the window and the
 * signal are only both visible in main, so the VC004 goes to main's call of denoise (rules.md,
 * "the outermost function where the conflicting handles are visible"), not to this call. */
#include "signal.h"

void denoise(nda_array *x)
{
    clip_negative(x);
}
