/* True negative: `before` is a view of the frame, and ext_checksum (declared in ext.h, defined
 * nowhere) is assumed "to read their array arguments and not to write them" (rules.md), so the
 * later read of `before` is not stale. An analyzer that assumed unknown calls write their
 * arguments would report VC003 at the nda_sum. */
#include "ext.h"

double drift(nda_array *frame)
{
    nda_array *before = nda_slice(frame, 0, 0, 4, 1);
    double c = ext_checksum(frame);
    double d = nda_sum(before) - c;
    nda_release(before);
    return d;
}
