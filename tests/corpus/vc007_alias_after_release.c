/* Keeps a second name `prices` for the same array (a plain pointer copy, no nda_retain), releases
 * through the first name and then reads through the second. Both names share the single reference
 * that was given up: VC007 at the first use ("a handle is used ... after it gave up its
 * reference"); the second use has the same root cause and is not reported again. */
#include <nda.h>
#include <stdio.h>

int main(void)
{
    const double v[4] = {9.5, 10.25, 9.75, 11.0};
    const ptrdiff_t n = 4;
    nda_array *quotes = nda_from_values(NDA_FLOAT64, 1, &n, v);
    if (!quotes)
        return 1;
    nda_array *prices = quotes;
    printf("mean %g\n", nda_sum(quotes) / (double)n);
    nda_release(quotes);
    printf("first price %g\n", nda_get1(prices, 0)); // expect: VC007
    printf("last price %g\n", nda_get1(prices, -1));
    return 0;
}
