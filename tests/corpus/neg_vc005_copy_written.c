/* The seed scenario done right: the program wants an independent array, so it uses nda_copy (a
 * fresh owner, never a view), writes the copy and then reads the original. nda_copy is not a
 * maybe-view, so VC005 does not apply, and the copy does not alias `a`. No finding in this file. */
#include <nda.h>
#include <stdio.h>

int main(void)
{
    nda_array *a = nda_arange(6);
    if (!a)
        return 1;
    nda_array *c = nda_copy(a);
    if (!c)
        return 1;
    nda_set1(c, 0, 100);
    printf("a = ");
    nda_print(stdout, a);
    printf("\nc = ");
    nda_print(stdout, c);
    putchar('\n');
    nda_release(c);
    nda_release(a);
    return 0;
}
