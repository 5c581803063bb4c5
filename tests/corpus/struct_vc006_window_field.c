/* A ring-buffer struct keeps its storage and a view `window` of the readable part in fields;
 * the code grows the storage without first dropping the window. The view held in the field is
 * live at the resize: VC006 "may have a live view", at the nda_resize. Run: NDA_EREFERENCED. */
#include <nda.h>
#include <stdio.h>

struct ring {
    nda_array *storage;
    nda_array *window;
};

int main(void)
{
    struct ring r = {.storage = nda_arange(8), .window = NULL};
    if (!r.storage)
        return 1;
    r.window = nda_slice(r.storage, 0, 2, 6, 1);
    if (!r.window)
        return 1;
    printf("readable sum %g\n", nda_sum(r.window));
    nda_status st = nda_resize(r.storage, 16); // expect: VC006
    printf("grow: %s\n", nda_status_name(st));
    nda_release(r.window);
    nda_release(r.storage);
    return 0;
}
