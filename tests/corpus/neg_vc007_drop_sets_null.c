/* `drop` releases the array behind a handle and sets the caller's handle to NULL, so it is safe
 * to call twice: the second call releases NULL, a no-op. The early drop happens in a branch and
 * the final drop is unconditional. No handle is used after its release. No finding here. */
#include <nda.h>
#include <stdio.h>

static void drop(nda_array **handle)
{
    nda_release(*handle);
    *handle = NULL;
}

int main(int argc, char **argv)
{
    (void)argv;
    nda_array *scratch = nda_zeros(NDA_FLOAT64, 1, (const ptrdiff_t[]){8});
    if (!scratch)
        return 1;
    nda_fill(scratch, 1.0);
    if (argc > 1) {
        printf("freeing scratch early\n");
        drop(&scratch);
    }
    if (scratch)
        printf("scratch sum %g\n", nda_sum(scratch));
    drop(&scratch);
    return 0;
}
