/* The seed scenario: b = a[0:3] is taken as if it were an independent array, b[0] is set, then
 * both a and b are printed. The write through the view b changes a's memory, a is read, and b is
 * used again after that read: VC004 at the write through b ("either it believes V is a copy"). */
#include <nda.h>

#include <stdio.h>

int main(void)
{
    nda_array *a = nda_arange(6);
    nda_array *b = nda_slice(a, 0, 0, 3, 1);
    nda_set1(b, 0, 100); // expect: VC004
    printf("a = ");
    nda_print(stdout, a);
    printf("\nb = ");
    nda_print(stdout, b);
    putchar('\n');
    nda_release(b);
    nda_release(a);
    return 0;
}
