/* Classic goto-cleanup: every handle starts as NULL, every error path jumps to one cleanup block,
 * and that block releases each handle exactly once (nda_release(NULL) is a no-op). On no path is a
 * handle released twice or used after its release. No finding in this file. */
#include <nda.h>
#include <stdio.h>

int main(int argc, char **argv)
{
    int rc = 1;
    nda_array *x = NULL, *y = NULL, *out = NULL;
    x = nda_arange(5);
    if (!x)
        goto cleanup;
    y = nda_full(NDA_INT64, 1, nda_shape(x), 2.0);
    if (!y)
        goto cleanup;
    if (argc > 1) {
        fprintf(stderr, "unexpected argument '%s'\n", argv[1]);
        goto cleanup;
    }
    out = nda_zeros(NDA_INT64, 1, nda_shape(x));
    if (!out || nda_mul(out, x, y) != NDA_OK)
        goto cleanup;
    nda_print(stdout, out);
    putchar('\n');
    rc = 0;
cleanup:
    nda_release(out);
    nda_release(y);
    nda_release(x);
    return rc;
}
