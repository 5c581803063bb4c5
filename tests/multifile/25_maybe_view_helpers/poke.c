/* poke_first writes element 0 of its parameter. No finding here: the write is on behalf of main's
 * handle (rules.md: reported at main's call). */
#include "flat.h"

void poke_first(nda_array *x, double v)
{
    nda_set1(x, 0, v);
}
