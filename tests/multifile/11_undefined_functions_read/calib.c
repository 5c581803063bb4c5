/* calibrate zeroes a dark-strip view of its frame, hands the frame to ext_log (no body: assumed to
 * read it), then sums the strip again: VC004 at the write (the nda_fill), since ext_log's read of
 * the frame is "a read through a handle B not derived from V" and V is used again afterwards. */
#include "ext.h"

double calibrate(nda_array *frame)
{
    nda_array *dark = nda_slice(frame, 0, 0, 4, 1);
    nda_fill(dark, 0.0); // expect: VC004
    ext_log("frame", frame);
    double d = nda_sum(dark);
    nda_release(dark);
    return d;
}
