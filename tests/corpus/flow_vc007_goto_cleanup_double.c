/* goto-cleanup error handling where one error path releases `a` itself before jumping to the
 * common cleanup, which releases `a` again. On that path the cleanup's release is a second
 * release: VC007 "released again", a "may" finding at the cleanup's nda_release(a). */
#include <nda.h>
#include <stdio.h>

int main(int argc, char **argv)
{
    int rc = 1;
    nda_array *b = NULL;
    nda_array *a = nda_arange(8);
    if (!a)
        return 1;
    b = nda_copy(a);
    if (!b)
        goto cleanup;
    if (argc > 1) {
        fprintf(stderr, "unexpected argument '%s'\n", argv[1]);
        nda_release(a);
        goto cleanup;
    }
    nda_scale(b, 2.0);
    printf("dot %g\n", nda_dot(a, b));
    rc = 0;
cleanup:
    nda_release(b);
    nda_release(a); // expect: VC007
    return rc;
}
