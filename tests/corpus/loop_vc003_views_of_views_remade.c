/* A loop that re-makes views of views at several sites, as eigenvalue codes shrink their active
 * block (GSL's gen_schur_decomp: h = submatrix(h) on each branch): past a few hundred abstract
 * handles the analyzer keeps one handle per site and source site (it took seconds on this shape
 * before). The snapshot 'top' still goes stale when the loop writes through a view, and the row
 * of the other matrix is never touched. */
#include <nda.h>
#include <stdio.h>

static int pick(int i)
{
    return (i * 7) % 5;
}

int main(void)
{
    const ptrdiff_t shape[2] = {8, 8};
    nda_array *m = nda_zeros(NDA_FLOAT64, 2, shape);
    nda_array *other = nda_zeros(NDA_FLOAT64, 2, shape);
    if (!m || !other)
        return 1;
    nda_array *top = nda_row(m, 0);
    nda_array *keep = nda_row(other, 0);
    nda_array *h = nda_slice(m, 0, 0, 8, 1);
    nda_array *r = nda_slice(m, 1, 0, 8, 1);
    for (int i = 0; i < 20 && h && r; i++) {
        nda_array *vh = NULL, *vr = NULL;
        switch (pick(i)) {
        case 0:
            vh = nda_slice(h, 0, 0, 2, 1);
            vr = nda_slice(r, 1, 0, 2, 1);
            break;
        case 1:
            vh = nda_slice(h, 1, 1, 3, 1);
            vr = nda_slice(r, 0, 1, 3, 1);
            nda_fill(vh, 1.0);
            break;
        case 2:
            vh = nda_slice(h, 0, 2, 4, 1);
            vr = nda_slice(vh, 1, 0, 1, 1);
            break;
        default:
            vh = nda_slice(r, 0, 0, 1, 1);
            vr = nda_slice(h, 1, 0, 1, 1);
            break;
        }
        nda_release(vh);
        nda_release(vr);
        h = nda_slice(h, 0, 0, 7, 1); /* the active block shrinks; the old views are kept */
        r = nda_slice(r, 1, 0, 7, 1);
    }
    printf("%g\n", nda_sum(top)); // expect: VC003
    printf("%g\n", nda_sum(keep));
    nda_release(keep);
    nda_release(top);
    nda_release(other);
    nda_release(m);
    return 0;
}
