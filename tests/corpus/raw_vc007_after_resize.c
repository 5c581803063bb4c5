/* Caches the data pointer of a growable buffer, grows it with nda_resize (which succeeds: no views
 * or retains, and reallocates) and then stores the new element through the cached pointer, which
 * now dangles: VC007 "a raw data pointer is used ... after the array was resized", at the store. */
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
    if (nda_resize(buf, 2 * n) != NDA_OK)
        return 1;
    p[n] = 5.0; // expect: VC007
    nda_print(stdout, buf);
    putchar('\n');
    nda_release(buf);
    return 0;
}
