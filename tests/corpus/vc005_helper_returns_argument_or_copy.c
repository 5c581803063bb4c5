/* A helper hands back its argument when it may work in place and a fresh copy otherwise (a
 * "copy on demand" idiom). Whether the write below changes the caller's array depends on the
 * flag at run time, and the array is read afterwards: the result is a maybe-view, VC005 on the
 * write (rules.md: a write through a maybe-view when the source is read afterwards). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static double *for_update(double *data, size_t n, int in_place)
{
    if (in_place)
        return data;
    double *copy = malloc(n * sizeof *copy);
    if (copy)
        memcpy(copy, data, n * sizeof *copy);
    return copy;
}

int main(int argc, char **argv)
{
    (void)argv;
    double samples[4] = {1.0, 2.0, 3.0, 4.0};
    double *work = for_update(samples, 4, argc > 1);
    if (!work)
        return 1;
    work[0] = -1.0; // expect: VC005
    printf("samples[0] %g\n", samples[0]);
    if (work != samples)
        free(work);
    return 0;
}
