/* Sums a buffer through its raw nda_data pointer, then grows the buffer. A data pointer is not a
 * view nor a reference (VC006 lists views, nda_retain and nda_ascontiguous results), so the
 * resize returns NDA_OK (checked), and the pointer is not used after it. No finding here. */
#include <nda.h>
#include <stdio.h>

int main(void)
{
    const ptrdiff_t n = 4;
    nda_array *buf = nda_full(NDA_FLOAT64, 1, &n, 0.5);
    if (!buf)
        return 1;
    const double *p = nda_data(buf);
    double s = 0.0;
    for (ptrdiff_t i = 0; i < n; i++)
        s += p[i];
    printf("sum through pointer %g\n", s);
    nda_status st = nda_resize(buf, 3 * n);
    printf("resize: %s, new size %td\n", nda_status_name(st), nda_size(buf));
    nda_release(buf);
    return st == NDA_OK ? 0 : 1;
}
