/* nda_add checks its overlap contract: 'a' and 'b' surely overlap without being identical, so
 * the call fails with NDA_EOVERLAP (VC002) and writes nothing. Reading 'v' and then filling 'a'
 * is no VC004: no write through 'a' happened before the read. */
#include <nda.h>
#include <stdio.h>

int main(void)
{
    nda_array *v = nda_arange(8);
    nda_array *a = nda_slice(v, 0, 0, 4, 1);
    nda_array *b = nda_slice(v, 0, 2, 6, 1);
    if (!v || !a || !b)
        return 1;
    if (nda_add(a, a, b) != NDA_OK) // expect: VC002
        fprintf(stderr, "%s\n", nda_last_error());
    printf("%g\n", nda_sum(v));
    nda_fill(a, 1.0);
    nda_release(b);
    nda_release(a);
    nda_release(v);
    return 0;
}
