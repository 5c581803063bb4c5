/* decay writes its argument in place. No finding here: the write is on behalf of main's signal;
 * rules.md places the consequence (a stale read of main's window) in main. */
#include "window.h"

void decay(nda_array *a, double factor)
{
    nda_scale(a, factor);
}
