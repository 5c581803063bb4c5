/* Accumulates each row into the next one: rows i and i + 1 of the same matrix are different
 * rows (index bounds affine in the same i), so nda_add(next, next, cur) never overlaps: no
 * finding. Each pair of views is released before the loop moves on. */
#include <nda.h>
#include <stdio.h>

int main(void)
{
    const ptrdiff_t shape[2] = {5, 4};
    nda_array *m = nda_full(NDA_FLOAT64, 2, shape, 1.0);
    for (ptrdiff_t i = 0; i + 1 < 5; i++) {
        nda_array *cur = nda_row(m, i);
        nda_array *next = nda_row(m, i + 1);
        nda_add(next, next, cur);
        nda_release(next);
        nda_release(cur);
    }
    nda_print(stdout, m);
    putchar('\n');
    nda_release(m);
    return 0;
}
