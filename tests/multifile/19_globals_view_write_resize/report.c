/* report reads the global g_frame directly. No finding here: the read is the "read through a
 * handle B" in main's VC004, whose primary location is the write (rules.md). */
#include "frames.h"

#include <stdio.h>

void report(void)
{
    nda_print(stdout, g_frame);
    putchar('\n');
}
