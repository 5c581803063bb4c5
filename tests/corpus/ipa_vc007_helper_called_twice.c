/* `drop` releases its argument without clearing the caller's pointer; main calls it for the
 * temporary on the success path and again in its final cleanup. The second release happens in
 * the callee on main's handle: VC007 ("released again") at the second call site in main. */
#include <nda.h>
#include <stdio.h>

static void drop(nda_array *a)
{
    nda_release(a);
}

int main(void)
{
    nda_array *x = nda_arange(6);
    nda_array *tmp = nda_copy(x);
    if (!x || !tmp)
        return 1;
    nda_mul(tmp, x, x);
    printf("sum of squares %g\n", nda_sum(tmp));
    drop(tmp);
    printf("sum %g\n", nda_sum(x));
    drop(tmp); // expect: VC007
    drop(x);
    return 0;
}
