/* Removes self-loops from an adjacency matrix by passing its diagonal to a helper that fills its
 * argument with zeros. The diagonal is "a read-only view"; the write happens inside zero_out on
 * behalf of main's handle, so VC001 is reported at the call site in main (rules.md: "at the call
 * site in the outermost function where the conflicting handles are visible"). */
#include <nda.h>

#include <stdio.h>

static nda_status zero_out(nda_array *x)
{
    return nda_fill(x, 0.0);
}

int main(void)
{
    const ptrdiff_t shape[2] = {3, 3};
    const double edges[9] = {1, 1, 0, 0, 1, 1, 1, 0, 1};
    nda_array *adj = nda_from_values(NDA_FLOAT64, 2, shape, edges);
    nda_array *loops = nda_diagonal(adj);
    printf("self-loops: %g\n", nda_sum(loops));
    nda_status st = zero_out(loops); // expect: VC001
    printf("remove self-loops: %s\n", nda_status_name(st));
    nda_release(loops);
    nda_print(stdout, adj);
    putchar('\n');
    nda_release(adj);
    return 0;
}
