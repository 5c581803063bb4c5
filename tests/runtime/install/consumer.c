/* A program built against an installed nda, through find_package(nda) or pkg-config nda. */
#include <nda.h>

#include <stdio.h>

int main(void)
{
    nda_array *a = nda_arange(6);
    nda_array *b = nda_slice(a, 0, 0, 3, 1);
    nda_set1(b, 0, 100);
    int ok = nda_base(b) == a && nda_get1(a, 0) == 100 && nda_may_share_memory(a, b);
    nda_print(stdout, a);
    printf("\n");
    nda_release(b);
    nda_release(a);
    return ok ? 0 : 1;
}
