/* Reads the newest three log entries through a slice, releases the slice, and only then grows the
 * log. No view is live at the resize, so nda_resize returns NDA_OK (checked): no VC006, whose
 * condition is a view that "may" still be live. No finding in this file. */
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
    nda_release(recent);
    nda_status st = nda_resize(log, 2 * n);
    printf("resize: %s\n", nda_status_name(st));
    nda_print(stdout, log);
    putchar('\n');
    nda_release(log);
    return st == NDA_OK ? 0 : 1;
}
