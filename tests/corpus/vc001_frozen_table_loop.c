/* A codec keeps its quantisation table in a struct and freezes it with
 * nda_set_writeable(table, false). A later "boost" loop takes row views of c->table (views made
 * after freezing, so read-only as well) and scales them: VC001 at the write in the loop, reported
 * once for that line. Each nda_scale fails with NDA_EREADONLY at run time. */
#include <nda.h>

#include <stdio.h>

struct codec {
    nda_array *table;
    int quality;
};

int main(void)
{
    const ptrdiff_t shape[2] = {4, 4};
    struct codec cod = {nda_full(NDA_FLOAT64, 2, shape, 16.0), 75};
    struct codec *c = &cod;
    nda_set_writeable(c->table, false);

    for (ptrdiff_t i = 0; i < 4; i++) {
        nda_array *r = nda_row(c->table, i);
        nda_status st = nda_scale(r, c->quality / 50.0); // expect: VC001
        if (st != NDA_OK)
            printf("row %td: %s\n", i, nda_status_name(st));
        nda_release(r);
    }
    printf("table sum %g\n", nda_sum(c->table));
    nda_release(c->table);
    return 0;
}
