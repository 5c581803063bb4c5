/* A ring struct keeps its storage and a view of the readable window in fields; ring_grow closes
 * (releases and clears) the window before resizing the storage and reopens it afterwards. No
 * view is live at the resize, which returns NDA_OK (checked). No finding in this file. */
#include <nda.h>
#include <stdio.h>

struct ring {
    nda_array *storage;
    nda_array *window;
};

static nda_status ring_grow(struct ring *r, ptrdiff_t n)
{
    nda_release(r->window);
    r->window = NULL;
    nda_status st = nda_resize(r->storage, n);
    r->window = nda_slice(r->storage, 0, 0, 4, 1);
    return st;
}

int main(void)
{
    struct ring r = {.storage = nda_arange(6), .window = NULL};
    if (!r.storage)
        return 1;
    r.window = nda_slice(r.storage, 0, 2, 6, 1);
    printf("window sum %g\n", nda_sum(r.window));
    nda_status st = ring_grow(&r, 12);
    printf("grow: %s, window sum %g\n", nda_status_name(st), nda_sum(r.window));
    nda_release(r.window);
    nda_release(r.storage);
    return st == NDA_OK ? 0 : 1;
}
