/* A parameter vector is frozen with nda_set_writeable(params, false) after a view of its tunable
 * part was taken; the tunable part is then updated through that view. rules.md: read-only applies
 * to "that array itself and views made from it afterwards (views made before keep their own flag,
 * as in NumPy)", so the nda_fill is not VC001 (it returns NDA_OK). The view is released before
 * params is read, so there is no VC004 either. Expected: no finding. */
#include <nda.h>

#include <stdio.h>

int main(void)
{
    const ptrdiff_t shape[1] = {6};
    nda_array *params = nda_zeros(NDA_FLOAT64, 1, shape);
    nda_array *tunable = nda_slice(params, 0, 0, 3, 1);
    nda_set_writeable(params, false);

    nda_status st = nda_fill(tunable, 0.5);
    printf("tune: %s\n", nda_status_name(st));
    nda_release(tunable);

    nda_print(stdout, params);
    putchar('\n');
    nda_release(params);
    return 0;
}
