/* frame_emit prints its frame and gives up the caller's reference. No finding here: releasing a
 * parameter once is fine; the use after it is in main, where rules.md reports VC007 (at "the use
 * after release"). */
#include "frames.h"

#include <stdio.h>

void frame_emit(nda_array *f)
{
    nda_print(stdout, f);
    putchar('\n');
    nda_release(f);
}
