/* Trims the first two samples off a series with a slice and then tries to extend the trimmed
 * series in place. The slice is a view, and a view cannot be resized: nda_resize returns
 * NDA_EREFERENCED (checked). VC006: "nda_resize on an array that is a view". */
#include <nda.h>
#include <stdio.h>

int main(void)
{
    nda_array *series = nda_arange(10);
    if (!series)
        return 1;
    nda_array *trimmed = nda_slice(series, 0, 2, NDA_END, 1);
    if (!trimmed)
        return 1;
    printf("trimmed sum %g\n", nda_sum(trimmed));
    nda_status st = nda_resize(trimmed, 12); // expect: VC006
    printf("resize: %s\n", nda_status_name(st));
    nda_release(trimmed);
    nda_release(series);
    return 0;
}
