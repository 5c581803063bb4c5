/* main sums the global histogram after hist_shutdown (hist.c) released it: VC007 at the nda_sum
 * ("a handle is used ... after it gave up its reference"), the use being here in main. Undefined
 * behaviour at run time. */
#include "hist.h"

#include <stdio.h>

int main(void)
{
    if (hist_init(4) != 0)
        return 1;
    hist_add(1);
    hist_add(3);
    hist_add(1);
    hist_shutdown();
    printf("total %g\n", nda_sum(g_hist)); // expect: VC007
    return 0;
}
