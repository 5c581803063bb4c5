/* A pointer into the buffer is kept across a realloc that grows it on one branch: when the
 * buffer moves, `first` still points into the released block and the write through it is a use
 * after release. VC007 at the write (a "may": only when the branch is taken). */
#include <stdio.h>
#include <stdlib.h>

int main(int argc, char **argv)
{
    (void)argv;
    double *buf = malloc(4 * sizeof *buf);
    if (!buf)
        return 1;
    double *first = &buf[0];
    if (argc > 1) {
        double *grown = realloc(buf, 1024 * sizeof *grown);
        if (!grown) {
            free(buf);
            return 1;
        }
        buf = grown;
    }
    *first = 1.0; // expect: VC007
    printf("%g\n", buf[0]);
    free(buf);
    return 0;
}
