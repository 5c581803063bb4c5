/* Damps the first row of a matrix until the matrix total is small. In each iteration the total
 * of m is read and then the row view is scaled. The only read of m that follows a write through
 * head is reached by going around the loop; rules.md (VC004): "reads reached only by going around
 * the loop that contains the write, do not count". head is released before m is printed.
 * Expected: no finding. */
#include <nda.h>

#include <stdio.h>

int main(void)
{
    const ptrdiff_t shape[2] = {2, 3};
    nda_array *m = nda_full(NDA_FLOAT64, 2, shape, 4.0);
    nda_set2(m, 1, 0, 1.0);
    nda_array *head = nda_row(m, 0);

    for (int it = 0; it < 4; it++) {
        double total = nda_sum(m);
        if (total < 8.0)
            break;
        nda_scale(head, 0.5);
    }
    nda_release(head);

    nda_print(stdout, m);
    putchar('\n');
    nda_release(m);
    return 0;
}
