/* Computes a normalized histogram through a temporary, and its cleanup releases the temporary
 * twice (a copy-paste slip). The second nda_release is a use of a handle that already gave up its
 * only reference: VC007 "used (... released again) after it gave up its reference". */
#include <nda.h>
#include <stdio.h>

int main(void)
{
    const double counts[5] = {4, 8, 15, 16, 23};
    const ptrdiff_t n = 5;
    nda_array *hist = nda_from_values(NDA_FLOAT64, 1, &n, counts);
    nda_array *tmp = nda_copy(hist);
    if (!hist || !tmp)
        return 1;
    nda_scale(tmp, 1.0 / nda_sum(hist));
    nda_print(stdout, tmp);
    putchar('\n');
    nda_release(tmp);
    nda_release(hist);
    nda_release(tmp); // expect: VC007
    return 0;
}
