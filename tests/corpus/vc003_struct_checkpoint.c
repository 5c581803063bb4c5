/* A simulation struct holds its state and a "checkpoint" made with nda_view instead of nda_copy.
 * After an unstable step the state is rolled back from the checkpoint, but s->saved already sees
 * the new values (they were written through s->state, which is not derived from s->saved), so the
 * rollback copies the state onto itself: VC003 at the stale read in nda_copyto. */
#include <nda.h>

#include <stdio.h>

struct sim {
    nda_array *state;
    nda_array *saved;
    int step;
};

int main(void)
{
    const ptrdiff_t shape[1] = {4};
    struct sim sim;
    struct sim *s = &sim;
    s->state = nda_full(NDA_FLOAT64, 1, shape, 2.0);
    s->saved = nda_view(s->state);
    s->step = 0;

    nda_scale(s->state, 1.5);
    s->step++;
    if (nda_sum(s->state) > 10.0) {
        nda_copyto(s->state, s->saved); // expect: VC003
        s->step--;
    }
    printf("step %d: ", s->step);
    nda_print(stdout, s->state);
    putchar('\n');

    nda_release(s->saved);
    nda_release(s->state);
    return 0;
}
