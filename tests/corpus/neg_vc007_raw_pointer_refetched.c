/* Reads a buffer through its nda_data pointer, grows the buffer with nda_resize (NDA_OK: no views
 * or retains), then fetches the data pointer again before storing the new element. The stale
 * pointer is never used after the resize, so no VC007. No finding in this file. */
#include <nda.h>
#include <stdio.h>

int main(void)
{
    const ptrdiff_t n = 4;
    nda_array *buf = nda_full(NDA_FLOAT64, 1, &n, 1.0);
    if (!buf)
        return 1;
    double *p = nda_data(buf);
    printf("first %g\n", p[0]);
    nda_status st = nda_resize(buf, 2 * n);
    if (st != NDA_OK)
        return 1;
    p = nda_data(buf);
    p[n] = 5.0;
    nda_print(stdout, buf);
    putchar('\n');
    nda_release(buf);
    return 0;
}
