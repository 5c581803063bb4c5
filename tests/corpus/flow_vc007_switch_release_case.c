/* Runs one command on a vector: "sum", "drop" or anything else (show). The "drop" case releases the
 * vector and breaks, but the report after the switch prints the vector on every path: a "may"
 * VC007 at the print (the first use after the release on that path). */
#include <nda.h>
#include <stdio.h>

int main(int argc, char **argv)
{
    const char *cmd = argc > 1 ? argv[1] : "show";
    nda_array *v = nda_arange(5);
    if (!v)
        return 1;
    switch (cmd[0]) {
    case 's':
        printf("sum %g\n", nda_sum(v));
        break;
    case 'd':
        nda_release(v);
        break;
    default:
        break;
    }
    printf("after %s: ", cmd);
    nda_print(stdout, v); // expect: VC007
    putchar('\n');
    if (cmd[0] != 'd')
        nda_release(v);
    return 0;
}
