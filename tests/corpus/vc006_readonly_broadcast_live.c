/* Broadcasts a 3-vector of offsets to a 2x3 table for printing, then grows the offsets while the
 * read-only broadcast view is still live. A read-only view is still a view: nda_resize returns
 * NDA_EREFERENCED (checked). VC006: "may have a live view". */
#include <nda.h>
#include <stdio.h>

int main(void)
{
    const ptrdiff_t n = 3;
    nda_array *offsets = nda_full(NDA_FLOAT64, 1, &n, 0.25);
    if (!offsets)
        return 1;
    const ptrdiff_t table_shape[2] = {2, 3};
    nda_array *table = nda_broadcast_to(offsets, 2, table_shape);
    if (!table)
        return 1;
    nda_print(stdout, table);
    putchar('\n');
    nda_status st = nda_resize(offsets, 6); // expect: VC006
    printf("resize: %s\n", nda_status_name(st));
    nda_release(table);
    nda_release(offsets);
    return 0;
}
