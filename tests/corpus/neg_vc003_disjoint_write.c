/* A record buffer: head = buf[0:4] holds a header that is read at the end, body = buf[4:8] is
 * overwritten in between. The write through body reaches no memory head covers (constant,
 * non-overlapping slice bounds: "Provably disjoint regions ... never conflict, for every rule"),
 * so reading head is not stale. body is released before head is read. Expected: no finding. */
#include <nda.h>

#include <stdio.h>

int main(void)
{
    const ptrdiff_t shape[1] = {8};
    const double v[8] = {1, 2, 3, 4, 0, 0, 0, 0};
    nda_array *buf = nda_from_values(NDA_FLOAT64, 1, shape, v);
    nda_array *head = nda_slice(buf, 0, 0, 4, 1);
    nda_array *body = nda_slice(buf, 0, 4, 8, 1);

    nda_fill(body, 9.0);
    nda_scale(body, 0.5);
    nda_release(body);

    printf("header checksum %g\n", nda_sum(head));
    nda_release(head);
    nda_release(buf);
    return 0;
}
