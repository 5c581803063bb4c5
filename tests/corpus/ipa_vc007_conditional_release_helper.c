/* `finish` prints an array and releases it unless asked to keep it; main passes keep = (argc > 1)
 * and afterwards normalizes the array. Without arguments the helper has released it, so the use in
 * main is a use after release on some paths: a "may" VC007 at main's first use. */
#include <nda.h>
#include <stdbool.h>
#include <stdio.h>

static void finish(nda_array *a, bool keep)
{
    nda_print(stdout, a);
    putchar('\n');
    if (!keep)
        nda_release(a);
}

int main(int argc, char **argv)
{
    (void)argv;
    const ptrdiff_t n = 4;
    nda_array *w = nda_full(NDA_FLOAT64, 1, &n, 3.0);
    if (!w)
        return 1;
    finish(w, argc > 1);
    nda_scale(w, 1.0 / 12.0); // expect: VC007
    nda_print(stdout, w);
    putchar('\n');
    nda_release(w);
    return 0;
}
