/* Frame processing with two warnings (VC004, VC003) and one suppressed VC004: the file has no
 * error-level finding, so `--fail-on error` passes on it. */
#include "imaging.h"

#include <stdio.h>

double frame_mark_header(nda_array *frame)
{
    nda_array *header = nda_slice(frame, 0, 0, IMAGING_HEADER_LEN, 1);
    nda_fill(header, 0.0); // expect: VC004
    double total = nda_sum(frame);
    nda_print(stdout, header);
    nda_release(header);
    return total;
}

double frame_change(nda_array *u)
{
    nda_array *before = nda_slice(u, 0, 0, NDA_END, 1); /* meant as a snapshot */
    nda_scale(u, 0.5);
    double change = nda_sum(before) - nda_sum(u); // expect: VC003
    nda_release(before);
    return change;
}

double frame_clip_header(nda_array *frame)
{
    nda_array *header = nda_slice(frame, 0, 0, IMAGING_HEADER_LEN, 1);
    // viewcheck: ignore VC004 -- the header is printed as updated on purpose
    nda_fill(header, 1.0);
    double total = nda_sum(frame);
    nda_print(stdout, header);
    nda_release(header);
    return total;
}
