/* A FREE macro in the do { } while (0) style, without the reset to NULL, used twice on one
 * buffer by a cleanup path that forgot it had already run: the second use releases the buffer
 * again. VC007 at the second FREE. */
#include <stdio.h>
#include <stdlib.h>

#define FREE(p)                                                                                    \
    do {                                                                                           \
        free(p);                                                                                   \
    } while (0)

int main(void)
{
    double *samples = malloc(8 * sizeof *samples);
    if (!samples)
        return 1;
    for (int i = 0; i < 8; i++)
        samples[i] = i * 0.5;
    printf("%g\n", samples[7]);
    FREE(samples);
    FREE(samples); // expect: VC007
    return 0;
}
