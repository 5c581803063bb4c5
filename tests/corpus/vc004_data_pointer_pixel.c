/* Marks a hot pixel through the raw data pointer of a frame (a derived handle), reads the frame
 * through the array to report its total, and then keeps writing through the pointer. Write
 * through V (`*(px + 2) = ...`), read of the base, V used again: VC004 at the first write.
 * (The later writes through px are not followed by a read of frame.) */
#include <nda.h>

#include <stdio.h>

int main(void)
{
    const ptrdiff_t shape[1] = {8};
    nda_array *frame = nda_full(NDA_FLOAT64, 1, shape, 10.0);
    double *px = nda_data(frame);

    *(px + 2) = 255.0; // expect: VC004
    printf("frame total %g\n", nda_sum(frame));
    for (int i = 3; i < 5; i++)
        px[i] = px[i - 1] / 2.0;

    nda_release(frame);
    return 0;
}
