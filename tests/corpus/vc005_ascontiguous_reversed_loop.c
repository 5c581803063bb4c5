/* Squares a signal in a contiguous work buffer, element by element in a loop; the signal is read
 * backwards when an argument is given. nda_ascontiguous returns the signal itself when it is
 * forward (contiguous) and a copy when reversed: VC005 at the write, as `sig` is printed after. */
#include <nda.h>
#include <stdio.h>

int main(int argc, char **argv)
{
    (void)argv;
    nda_array *raw = nda_arange(6);
    if (!raw)
        return 1;
    nda_array *sig = argc > 1 ? nda_slice(raw, 0, -1, NDA_END, -1) : nda_view(raw);
    /* Run time: forward -> work == sig (same array, retained); reversed -> work is a COPY. */
    nda_array *work = nda_ascontiguous(sig);
    if (!sig || !work)
        return 1;
    for (ptrdiff_t i = 0; i < nda_size(work); i++) {
        double v = nda_get1(work, i);
        nda_set1(work, i, v * v); // expect: VC005
    }
    printf("sum of squares %g\n", nda_sum(work));
    printf("signal after squaring: ");
    nda_print(stdout, sig);
    putchar('\n');
    nda_release(work);
    nda_release(sig);
    nda_release(raw);
    return 0;
}
