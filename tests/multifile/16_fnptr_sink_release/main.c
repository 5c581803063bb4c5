/* main passes its frame to a sink through a function pointer that may be sink_drop (sinks.c),
 * which releases it, then sums the frame: VC007 ("may") at the nda_sum, the first use after the
 * possible release ("one root cause, one finding": the final release is not reported again). With
 * an argument the run takes the dropping sink (undefined behaviour). */
#include "sinks.h"

#include <stdio.h>

int main(int argc, char **argv)
{
    (void)argv;
    nda_array *frame = nda_arange(4);
    if (!frame)
        return 1;
    struct sink s = sink_select(argc > 1);
    s.consume(frame);
    printf("%s: sum %g\n", s.name, nda_sum(frame)); // expect: VC007
    nda_release(frame);
    return 0;
}
