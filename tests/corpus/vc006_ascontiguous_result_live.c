/* Gets a C-contiguous buffer for an "I/O routine" with nda_ascontiguous, and grows the original
 * before giving that buffer back. For a contiguous input ascontiguous returns the input itself,
 * retained, so the resize fails with NDA_EREFERENCED (checked). VC006: "another live reference
 * (... the result of nda_ascontiguous)". */
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
    printf("writing %g\n", nda_sum(io));
    nda_status st = nda_resize(frames, 2 * n); // expect: VC006
    printf("resize: %s\n", nda_status_name(st));
    nda_release(io);
    nda_release(frames);
    return 0;
}
