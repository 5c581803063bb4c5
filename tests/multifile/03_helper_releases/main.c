/* Two VC007s ("a handle is used ... after it gave up its reference"): `a` is released inside
 * frame_emit (sink.c) and then summed here (reported at the use); `b` is released here and then
 * read inside frame_energy (energy.c), reported at that call, where the handle is visible. Both
 * uses are undefined behaviour at run time. */
#include "frames.h"

#include <stdio.h>

int main(void)
{
    nda_array *a = nda_arange(4);
    if (!a)
        return 1;
    frame_emit(a);
    printf("sum %g\n", nda_sum(a)); // expect: VC007

    nda_array *b = nda_arange(3);
    if (!b)
        return 1;
    nda_release(b);
    printf("energy %g\n", frame_energy(b)); // expect: VC007
    return 0;
}
