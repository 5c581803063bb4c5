/* Takes one plane of a 2x3x4 cube (axis 0 by default, axis 1 with an argument), reshapes it to a
 * vector, stamps a marker into it and then keeps a backup of the plane with nda_copy (a read).
 * The plane of axis 0 is contiguous (reshape -> view), that of axis 1 is not (-> copy): VC005. */
#include <nda.h>
#include <stdio.h>

int main(int argc, char **argv)
{
    (void)argv;
    const ptrdiff_t shape[3] = {2, 3, 4};
    nda_array *cube = nda_zeros(NDA_FLOAT64, 3, shape);
    if (!cube)
        return 1;
    int axis = argc > 1 ? 1 : 0;
    nda_array *plane = nda_index(cube, axis, 1);
    const ptrdiff_t vec[1] = {-1};
    /* Run time: axis 0 -> plane contiguous, flat is a VIEW; axis 1 -> 2x4 plane with row
     * stride 96 bytes, flat is a COPY. */
    nda_array *flat = nda_reshape(plane, 1, vec);
    if (!plane || !flat)
        return 1;
    printf("marking a plane of %td values\n", nda_size(flat));
    nda_set1(flat, 0, 99.0); // expect: VC005
    nda_array *backup = nda_copy(plane);
    printf("backup: ");
    nda_print(stdout, backup);
    putchar('\n');
    nda_release(backup);
    nda_release(flat);
    nda_release(plane);
    nda_release(cube);
    return 0;
}
