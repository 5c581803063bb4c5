/* With an argument the program blanks the header region of a buffer through its view before
 * printing the buffer and then the header. Only that branch writes through the view, so the
 * write-read-use pattern (write through V, read of the base, V used again) exists on some paths:
 * a "may" VC004 at the nda_fill. */
#include <nda.h>

#include <stdio.h>

int main(int argc, char **argv)
{
    (void)argv;
    nda_array *buf = nda_arange(10);
    nda_array *header = nda_slice(buf, 0, 0, 3, 1);

    if (argc > 1)
        nda_fill(header, 0.0); // expect: VC004
    printf("buffer: ");
    nda_print(stdout, buf);
    printf("\nheader: ");
    nda_print(stdout, header);
    putchar('\n');

    nda_release(header);
    nda_release(buf);
    return 0;
}
