/* A median-of-three pivot choice, as suffix sorters write it: the helper returns one of the
 * three pointers it was given (after swapping pointer variables), never fresh memory. The result
 * is one of the caller's own pointers into the array, not a maybe-view, and swapping through it
 * is an in-place update of that array: no VC005, no VC003. */
#include <stdio.h>

#define SWAP(x, y)                                                                                 \
    do {                                                                                           \
        t = (x);                                                                                   \
        (x) = (y);                                                                                 \
        (y) = t;                                                                                   \
    } while (0)

static int *median3(const int *key, int *v1, int *v2, int *v3)
{
    int *t;
    if (key[*v1] > key[*v2])
        SWAP(v1, v2);
    if (key[*v2] > key[*v3])
        return key[*v1] > key[*v3] ? v1 : v3;
    return v2;
}

static int *pivot(const int *key, int *first, int *last)
{
    int *middle = first + (last - first) / 2;
    return median3(key, first, middle, last - 1);
}

int main(void)
{
    const int key[6] = {50, 10, 40, 20, 30, 0};
    int order[6] = {0, 1, 2, 3, 4, 5};
    int *a = pivot(key, order, order + 6);
    int t;
    SWAP(*order, *a);
    printf("pivot %d, order %d %d %d\n", *order, order[0], order[1], order[2]);
    return 0;
}
