/* Inspects either the head or the tail of a log through a view (if/else on argc) and releases the
 * view on both branches and on the early-return path before growing the log. No view is live at
 * the resize on any path, which returns NDA_OK (checked with and without argument). No finding. */
#include <nda.h>
#include <stdio.h>

int main(int argc, char **argv)
{
    (void)argv;
    nda_array *log = nda_arange(8);
    if (!log)
        return 1;
    nda_array *part;
    if (argc > 1)
        part = nda_slice(log, 0, -2, NDA_END, 1);
    else
        part = nda_slice(log, 0, 0, 2, 1);
    if (!part) {
        nda_release(log);
        return 1;
    }
    if (nda_sum(part) > 100.0) {
        nda_release(part);
        nda_release(log);
        return 2;
    }
    nda_release(part);
    nda_status st = nda_resize(log, 16);
    printf("resize: %s\n", nda_status_name(st));
    nda_release(log);
    return st == NDA_OK ? 0 : 1;
}
