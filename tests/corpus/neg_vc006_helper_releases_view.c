/* `head_mean` makes a view of its argument, reads it and releases it before returning; main then
 * grows the array. No view survives the call, so the resize returns NDA_OK (checked): no VC006
 * (neither in the helper nor at the call). No finding in this file. */
#include <nda.h>
#include <stdio.h>

static double head_mean(const nda_array *a, ptrdiff_t k)
{
    nda_array *head = nda_slice(a, 0, 0, k, 1);
    if (!head)
        return 0.0;
    double m = nda_sum(head) / (double)k;
    nda_release(head);
    return m;
}

int main(void)
{
    nda_array *series = nda_arange(6);
    if (!series)
        return 1;
    printf("head mean %g\n", head_mean(series, 3));
    nda_status st = nda_resize(series, 10);
    printf("resize: %s\n", nda_status_name(st));
    nda_release(series);
    return st == NDA_OK ? 0 : 1;
}
