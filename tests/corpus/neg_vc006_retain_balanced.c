/* A consumer retains the buffer, uses it and releases its reference before the owner grows the
 * buffer. The retain is balanced by a release, so the buffer has one reference at the resize and
 * nda_resize returns NDA_OK (checked): no VC006. No finding in this file. */
#include <nda.h>
#include <stdio.h>

static double consume(nda_array *shared)
{
    double s = nda_sum(shared);
    nda_release(shared);
    return s;
}

int main(void)
{
    nda_array *buf = nda_arange(4);
    if (!buf)
        return 1;
    nda_array *consumer = nda_retain(buf);
    printf("consumer saw %td items\n", nda_size(consumer));
    nda_release(consumer);
    printf("second consumer: sum %g\n", consume(nda_retain(buf)));
    nda_status st = nda_resize(buf, 8);
    printf("resize: %s\n", nda_status_name(st));
    nda_release(buf);
    return st == NDA_OK ? 0 : 1;
}
