/* Drops an optional validity mask when every entry is valid, but does not set the pointer to NULL;
 * the later `mask && nda_size(mask) > 0` guard then inspects the released handle. The null test is
 * not a use, nda_size is ("inspected"): a "may" VC007 on the line of the && guard. */
#include <nda.h>
#include <stdio.h>

int main(void)
{
    const ptrdiff_t n = 6;
    const double v[6] = {1, 2, 3, 4, 5, 6};
    nda_array *data = nda_from_values(NDA_FLOAT64, 1, &n, v);
    nda_array *mask = nda_full(NDA_FLOAT64, 1, &n, 1.0);
    if (!data || !mask)
        return 1;
    if (nda_sum(mask) == (double)n) {
        printf("all entries valid, dropping the mask\n");
        nda_release(mask);
    }
    if (mask && nda_size(mask) > 0) { // expect: VC007
        nda_mul(data, data, mask);
        nda_release(mask);
    }
    nda_print(stdout, data);
    putchar('\n');
    nda_release(data);
    return 0;
}
