/* A switch on the command releases the array exactly once in each case (each ends with return
 * or break), and nothing uses the array after the switch. Every path has one release and no use
 * after it. No VC007, no finding in this file. */
#include <nda.h>
#include <stdio.h>

int main(int argc, char **argv)
{
    char cmd = argc > 1 ? argv[1][0] : 'p';
    nda_array *v = nda_arange(5);
    if (!v)
        return 1;
    switch (cmd) {
    case 's':
        printf("sum %g\n", nda_sum(v));
        nda_release(v);
        break;
    case 'q':
        nda_release(v);
        return 0;
    default:
        nda_print(stdout, v);
        putchar('\n');
        nda_release(v);
        break;
    }
    printf("done\n");
    return 0;
}
