/* In verbose mode (any argument) a preview view of the first three items is made and released
 * only at exit; the buffer is grown in between. On the verbose path a view is live at the resize:
 * a "may" VC006. Run with an argument: NDA_EREFERENCED; without: NDA_OK. */
#include <nda.h>
#include <stdio.h>

int main(int argc, char **argv)
{
    (void)argv;
    nda_array *items = nda_arange(5);
    if (!items)
        return 1;
    nda_array *preview = NULL;
    if (argc > 1) {
        preview = nda_slice(items, 0, 0, 3, 1);
        printf("preview: ");
        nda_print(stdout, preview);
        putchar('\n');
    }
    nda_status st = nda_resize(items, 10); // expect: VC006
    printf("resize: %s\n", nda_status_name(st));
    nda_release(preview);
    nda_release(items);
    return 0;
}
