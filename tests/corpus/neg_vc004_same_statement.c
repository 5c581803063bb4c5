/* Writes a marker through a tail view and, in the same statement, checks that it landed in the
 * buffer; later the tail view is written again and released before the buffer is printed.
 * rules.md (VC004): "Reads in the same statement as the write ... do not count", and no other
 * read of buf happens while tail is still in use. Expected: no finding. */
#include <nda.h>

#include <stdio.h>

int main(void)
{
    const ptrdiff_t shape[1] = {8};
    nda_array *buf = nda_zeros(NDA_FLOAT64, 1, shape);
    nda_array *tail = nda_slice(buf, 0, 5, 8, 1);

    int ok = nda_set1(tail, 0, -1.0) == NDA_OK && nda_get1(buf, 5) == -1.0;
    printf("marker %s\n", ok ? "visible in buf" : "missing");
    nda_set1(tail, 1, -2.0);
    nda_release(tail);

    nda_print(stdout, buf);
    putchar('\n');
    nda_release(buf);
    return 0;
}
