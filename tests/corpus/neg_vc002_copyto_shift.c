/* Shifts a delay line by one sample with nda_copyto(line[1:], line[:-1]) and stores the new
 * sample at index 0. The slices overlap, but nda_copyto "accepts any overlap and copies as if
 * through a temporary": it has no overlap contract, so this is not VC002 (a naive analyzer that
 * treats every overlapping dst/src pair as a bug would flag it). Expected: no finding. */
#include <nda.h>

#include <stdio.h>

int main(void)
{
    const ptrdiff_t n = 6;
    const ptrdiff_t shape[1] = {n};
    const double v[6] = {5, 4, 3, 2, 1, 0};
    nda_array *line = nda_from_values(NDA_FLOAT64, 1, shape, v);

    nda_array *dst = nda_slice(line, 0, 1, n, 1);
    nda_array *src = nda_slice(line, 0, 0, n - 1, 1);
    nda_status st = nda_copyto(dst, src);
    nda_release(src);
    nda_release(dst);
    nda_set1(line, 0, 6.0);

    printf("shift: %s, line = ", nda_status_name(st));
    nda_print(stdout, line);
    putchar('\n');
    nda_release(line);
    return 0;
}
