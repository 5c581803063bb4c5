/* pipeline_run writes its head view through kernel_ramp (kernels.c), reads the whole buffer, then
 * uses the head again: VC004 at the kernel_ramp call. pipeline_run, not main, is "the outermost
 * function where the conflicting handles are visible" (rules.md): main never sees buf or head. */
#include "pipeline.h"

double pipeline_run(const double *values, ptrdiff_t n)
{
    nda_array *buf = nda_from_values(NDA_FLOAT64, 1, &n, values);
    if (!buf)
        return 0.0;
    nda_array *head = nda_slice(buf, 0, 0, 3, 1);
    kernel_ramp(head); // expect: VC004
    double total = nda_sum(buf);
    double h = nda_sum(head);
    nda_release(head);
    nda_release(buf);
    return total + h;
}
