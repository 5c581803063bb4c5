/* `report_and_free` prints an array and releases it (it takes ownership); main calls it and then
 * still sums the array. The release happens in the callee but the use is in main, so VC007 is
 * reported at main's first use after the call, as rules.md places it ("the use after release"). */
#include <nda.h>
#include <stdio.h>

static void report_and_free(const char *name, nda_array *a)
{
    printf("%s = ", name);
    nda_print(stdout, a);
    putchar('\n');
    nda_release(a);
}

int main(void)
{
    nda_array *totals = nda_arange(4);
    if (!totals)
        return 1;
    nda_scale(totals, 10.0);
    report_and_free("totals", totals);
    printf("grand total %g\n", nda_sum(totals)); // expect: VC007
    return 0;
}
