/* Found by the differential test (tests/gen, seed 184): `consume` views its argument and then
 * releases it. After the first call, a second call on either branch uses the released handle
 * (inside consume, on main's handle): reported at each call, the first use on its path. */
#include <nda.h>
#include <stdio.h>

static void consume(nda_array *q)
{
    nda_array *head = nda_view(q);
    printf("%g\n", nda_sum(head));
    nda_release(head);
    nda_release(q);
}

int main(int argc, char **argv)
{
    (void)argv;
    nda_array *c = nda_arange(4);
    if (!c)
        return 1;
    consume(c);
    if (argc > 1)
        consume(c); // expect: VC007
    else
        consume(c); // expect: VC007
    return 0;
}
