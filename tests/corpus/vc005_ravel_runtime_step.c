/* Picks every step-th sample (step from argv[1], default 1), flattens the pick with nda_ravel,
 * zeroes the flat copy "to reuse it as scratch", then prints the pick. ravel's result is a view or
 * a copy depending on the run-time step: VC005 (maybe-view written, source read afterwards). */
#include <nda.h>
#include <stdio.h>
#include <stdlib.h>

int main(int argc, char **argv)
{
    long step = argc > 1 ? strtol(argv[1], NULL, 10) : 1;
    if (step < 1)
        step = 1;
    nda_array *samples = nda_arange(10);
    if (!samples)
        return 1;
    nda_array *picked = nda_slice(samples, 0, 0, NDA_END, step);
    /* Run time: step 1 -> picked is contiguous, scratch is a VIEW and the fill zeroes picked;
     * step >= 2 -> scratch is a COPY and picked keeps its values. */
    nda_array *scratch = nda_ravel(picked);
    if (!picked || !scratch)
        return 1;
    printf("picked %td samples\n", nda_size(picked));
    nda_fill(scratch, 0.0); // expect: VC005
    nda_print(stdout, picked);
    putchar('\n');
    nda_release(scratch);
    nda_release(picked);
    nda_release(samples);
    return 0;
}
