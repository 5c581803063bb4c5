/* Keeps a view of the newest three readings of a log, then grows the log to make room for more.
 * The slice `recent` is still live at the resize, so nda_resize fails with NDA_EREFERENCED
 * (checked by running it): VC006 "nda_resize on an array that ... may have a live view". */
#include <nda.h>
#include <stdio.h>

int main(void)
{
    const ptrdiff_t n = 6;
    nda_array *log = nda_full(NDA_FLOAT64, 1, &n, 20.5);
    if (!log)
        return 1;
    nda_array *recent = nda_slice(log, 0, -3, NDA_END, 1);
    if (!recent)
        return 1;
    printf("recent mean %g\n", nda_sum(recent) / 3.0);
    nda_status st = nda_resize(log, 2 * n); // expect: VC006
    printf("resize: %s\n", nda_status_name(st));
    nda_release(recent);
    nda_release(log);
    return 0;
}
