/* An optional array is made only with an argument and released unconditionally (NULL release is
 * a no-op); the main array is freed early in a branch and set to NULL, so the final release of it
 * is either its only release or nda_release(NULL). No handle is used after release. No finding. */
#include <nda.h>
#include <stdio.h>

int main(int argc, char **argv)
{
    (void)argv;
    nda_array *data = nda_arange(6);
    if (!data)
        return 1;
    nda_array *extra = NULL;
    if (argc > 1)
        extra = nda_copy(data);
    double total = nda_sum(data);
    if (total > 10.0) {
        printf("large total %g, freeing early\n", total);
        nda_release(data);
        data = NULL;
    }
    if (extra)
        printf("extra copy of %td values\n", nda_size(extra));
    nda_release(extra);
    nda_release(data);
    return 0;
}
