/* `pair_free` releases both fields of a pair and does not clear them. main frees the pair early
 * when the dot product is negative and frees it again at the end, so on that path both fields are
 * released twice inside the callee: one "may" VC007 at the second call site in main. */
#include <nda.h>
#include <stdio.h>

struct pair {
    nda_array *x;
    nda_array *y;
};

static void pair_free(struct pair *p)
{
    nda_release(p->x);
    nda_release(p->y);
}

int main(int argc, char **argv)
{
    (void)argv;
    const ptrdiff_t n = 3;
    struct pair p = {.x = nda_full(NDA_FLOAT64, 1, &n, 1.0),
                     .y = nda_full(NDA_FLOAT64, 1, &n, argc > 1 ? -1.0 : 2.0)};
    if (!p.x || !p.y)
        return 1;
    double d = nda_dot(p.x, p.y);
    if (d < 0) {
        fprintf(stderr, "negative correlation, giving up\n");
        pair_free(&p);
    }
    printf("dot %g\n", d);
    pair_free(&p); // expect: VC007
    return d < 0;
}
