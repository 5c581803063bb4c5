/* A 1-D heat-diffusion step with three aliasing bugs that viewcheck reports:
 *  - the stencil writes its output over its own input (VC002),
 *  - a "snapshot" for the convergence test is a view, not a copy (VC003),
 *  - the boundary buffer is resized while a view of it is alive (VC006). */
#include <nda.h>

#include <stdio.h>

static double step(nda_array *u, ptrdiff_t n, double alpha)
{
    nda_array *before = nda_slice(u, 0, 0, NDA_END, 1); /* meant as a snapshot */
    nda_array *left = nda_slice(u, 0, 0, n - 2, 1);
    nda_array *mid = nda_slice(u, 0, 1, n - 1, 1);
    nda_array *right = nda_slice(u, 0, 2, n, 1);
    nda_array *lap = nda_copy(left);
    nda_add(lap, left, right);
    nda_axpy(lap, -2.0, mid);
    nda_axpy(mid, alpha, lap);
    nda_add(mid, left, mid);                      /* in place over an overlapping input */
    double change = nda_sum(before) - nda_sum(u); /* the "snapshot" changed with u */
    nda_release(lap);
    nda_release(right);
    nda_release(mid);
    nda_release(left);
    nda_release(before);
    return change;
}

int main(void)
{
    const ptrdiff_t n = 16;
    nda_array *u = nda_zeros(NDA_FLOAT64, 1, &n);
    nda_set1(u, n / 2, 100.0);
    for (int it = 0; it < 10; it++)
        printf("step %d: change %g\n", it, step(u, n, 0.25));
    nda_array *boundary = nda_arange(4);
    nda_array *edge = nda_slice(boundary, 0, 0, 2, 1);
    nda_resize(boundary, 8); /* fails: 'edge' still refers to it */
    nda_print(stdout, edge);
    printf("\n");
    nda_release(edge);
    nda_release(boundary);
    nda_release(u);
    return 0;
}
