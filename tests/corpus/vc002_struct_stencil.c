/* A finite-difference stencil keeps its three shifted views of u in a struct; the centred
 * difference is then computed into the centre view through the struct pointer. centre = u[1:7]
 * partially overlaps east = u[2:8] and west = u[0:6], so nda_sub breaks the "no partial overlap"
 * contract: VC002 at the call. It returns NDA_EOVERLAP at run time. */
#include <nda.h>

#include <stdio.h>

struct stencil {
    nda_array *centre;
    nda_array *west;
    nda_array *east;
};

int main(void)
{
    nda_array *u = nda_arange(8);
    nda_array *uf = nda_astype(u, NDA_FLOAT64);
    struct stencil st;
    struct stencil *s = &st;
    s->centre = nda_slice(uf, 0, 1, 7, 1);
    s->west = nda_slice(uf, 0, 0, 6, 1);
    s->east = nda_slice(uf, 0, 2, 8, 1);

    nda_status rc = nda_sub(s->centre, s->east, s->west); // expect: VC002
    printf("difference: %s\n", nda_status_name(rc));

    nda_release(s->east);
    nda_release(s->west);
    nda_release(s->centre);
    nda_print(stdout, uf);
    putchar('\n');
    nda_release(uf);
    nda_release(u);
    return 0;
}
