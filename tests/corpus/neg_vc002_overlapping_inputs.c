/* A centred difference d = u[2:] - u[:-2] written into a separate output array. The two inputs
 * overlap each other (u[2:6]), but the contract only constrains the output against each input
 * ("no partial overlap" between out and x, out and y); inputs may share memory freely. nda_sub
 * returns NDA_OK. Expected: no finding. */
#include <nda.h>

#include <stdio.h>

int main(void)
{
    const ptrdiff_t n = 8;
    const ptrdiff_t shape[1] = {n};
    const ptrdiff_t inner[1] = {n - 2};
    const double v[8] = {0, 1, 4, 9, 16, 25, 36, 49};
    nda_array *u = nda_from_values(NDA_FLOAT64, 1, shape, v);
    nda_array *d = nda_zeros(NDA_FLOAT64, 1, inner);

    nda_array *east = nda_slice(u, 0, 2, n, 1);
    nda_array *west = nda_slice(u, 0, 0, n - 2, 1);
    nda_status st = nda_sub(d, east, west);
    printf("difference: %s\n", nda_status_name(st));
    nda_release(west);
    nda_release(east);

    nda_print(stdout, d);
    putchar('\n');
    nda_release(d);
    nda_release(u);
    return 0;
}
