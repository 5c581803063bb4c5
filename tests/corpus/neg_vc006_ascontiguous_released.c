/* Gets a contiguous buffer with nda_ascontiguous (here: the input itself, retained), hands it to
 * an "I/O routine", releases it, and only then grows the input. The second reference is gone at
 * the resize, which returns NDA_OK (checked): no VC006. No finding in this file. */
#include <nda.h>
#include <stdio.h>

int main(void)
{
    const ptrdiff_t n = 5;
    nda_array *frames = nda_full(NDA_FLOAT32, 1, &n, 1.5);
    if (!frames)
        return 1;
    nda_array *io = nda_ascontiguous(frames);
    if (!io)
        return 1;
    printf("writing %td frames, sum %g\n", nda_size(io), nda_sum(io));
    nda_release(io);
    nda_status st = nda_resize(frames, 2 * n);
    printf("resize: %s\n", nda_status_name(st));
    nda_release(frames);
    return st == NDA_OK ? 0 : 1;
}
