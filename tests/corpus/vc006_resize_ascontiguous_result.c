/* Normalizes input to a contiguous array with nda_ascontiguous and then extends that result with
 * nda_resize, as if it were a private copy. The input is already contiguous, so the result is the
 * input itself with a second reference: NDA_EREFERENCED at run time. VC006 at the resize. */
#include <nda.h>
#include <stdio.h>

int main(void)
{
    const double v[4] = {3, 1, 4, 1};
    const ptrdiff_t n = 4;
    nda_array *input = nda_from_values(NDA_FLOAT64, 1, &n, v);
    if (!input)
        return 1;
    nda_array *work = nda_ascontiguous(input);
    if (!work)
        return 1;
    nda_status st = nda_resize(work, 8); // expect: VC006
    printf("resize: %s\n", nda_status_name(st));
    nda_release(work);
    nda_release(input);
    return 0;
}
