/* main only calls pipeline_run (pipeline.c) with plain C data. No finding here: main holds no
 * array handle, so the VC004 inside the pipeline is not placed at this call (rules.md: the
 * outermost function where the conflicting handles are visible is pipeline_run). */
#include "pipeline.h"

#include <stdio.h>

int main(void)
{
    const double v[6] = {10, 20, 30, 40, 50, 60};
    printf("pipeline %g\n", pipeline_run(v, 6));
    return 0;
}
