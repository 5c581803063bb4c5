/* sink_print reads its frame; sink_drop prints it and releases the caller's reference. Both
 * addresses are taken. No finding here: releasing a parameter once is fine; the use after it is
 * main's (rules.md: VC007 at "the use after release"). */
#include "sinks.h"

#include <stdio.h>

static void sink_print(nda_array *frame)
{
    nda_print(stdout, frame);
    putchar('\n');
}

static void sink_drop(nda_array *frame)
{
    sink_print(frame);
    nda_release(frame);
}

struct sink sink_select(int drop)
{
    struct sink s = {"print", sink_print};
    if (drop) {
        s.name = "drop";
        s.consume = sink_drop;
    }
    return s;
}
