/* Depending on the requested operation, entries are edited through the transpose view t. In
 * case 1 an entry is written through t; after the switch m is printed and t is read again: write
 * through V, read of the base, V used again on that path: VC004 at the nda_set2 in case 1. */
#include <nda.h>

#include <stdio.h>
#include <stdlib.h>

int main(int argc, char **argv)
{
    const ptrdiff_t shape[2] = {2, 3};
    nda_array *m = nda_zeros(NDA_FLOAT64, 2, shape);
    nda_array *t = nda_transpose(m);
    int op = argc > 1 ? atoi(argv[1]) : 1;

    switch (op) {
    case 0:
        printf("trace-like sum %g\n", nda_get2(t, 0, 0) + nda_get2(t, 1, 1));
        break;
    case 1:
        nda_set2(t, 2, 0, 5.0); // expect: VC004
        break;
    default:
        fprintf(stderr, "unknown op %d\n", op);
        break;
    }
    nda_print(stdout, m);
    putchar('\n');
    printf("t[2,0] = %g\n", nda_get2(t, 2, 0));

    nda_release(t);
    nda_release(m);
    return 0;
}
