/* The seed scenario done as intended: b is made with nda_copy of the slice, so it is a fresh array
 * that is not derived from a (nda_base(b) == NULL). Writing b and then printing a and b is the
 * independent-copy usage; there is no derived handle written, so no VC004. The temporary slice is
 * only read, and released right away. Expected: no finding. */
#include <nda.h>

#include <stdio.h>

int main(void)
{
    nda_array *a = nda_arange(6);
    nda_array *head = nda_slice(a, 0, 0, 3, 1);
    nda_array *b = nda_copy(head);
    nda_release(head);

    nda_set1(b, 0, 100);
    printf("a = ");
    nda_print(stdout, a);
    printf("\nb = ");
    nda_print(stdout, b);
    printf("\nb owns its data: %d\n", nda_base(b) == NULL);
    nda_release(b);
    nda_release(a);
    return 0;
}
