/* Buffer management with two errors: a resize while a view is alive (VC006) and a read after
 * the last release (VC007). */
#include "imaging.h"

#include <stdio.h>

int buffer_grow(void)
{
    nda_array *boundary = nda_arange(4);
    nda_array *edge = nda_slice(boundary, 0, 0, 2, 1);
    int rc = (int)nda_resize(boundary, 8); // expect: VC006
    nda_print(stdout, edge);
    nda_release(edge);
    nda_release(boundary);
    return rc;
}

double buffer_use_after_release(void)
{
    nda_array *a = nda_arange(IMAGING_HEADER_LEN);
    nda_release(a);
    return nda_sum(a); // expect: VC007
}
