/* A buffer struct caches the array and its raw data pointer; `buffer_close` releases the array
 * (the last reference) and clears only the array field. main then reads the last element through
 * the cached pointer: the release is in the callee, the use in main, so VC007 at that use. */
#include <nda.h>
#include <stdio.h>

struct buffer {
    nda_array *arr;
    double *data;
    ptrdiff_t len;
};

static void buffer_close(struct buffer *b)
{
    nda_release(b->arr);
    b->arr = NULL;
}

int main(void)
{
    const ptrdiff_t n = 4;
    struct buffer b = {.arr = nda_full(NDA_FLOAT64, 1, &n, 2.0), .data = NULL, .len = n};
    if (!b.arr)
        return 1;
    b.data = nda_data(b.arr);
    printf("first %g\n", b.data[0]);
    buffer_close(&b);
    printf("last %g\n", b.data[b.len - 1]); // expect: VC007
    return 0;
}
