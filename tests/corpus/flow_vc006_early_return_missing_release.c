/* grow_log builds a log, checks its head through a view and returns early (releasing the view) if
 * the head is wrong; the normal path forgets to release the view before growing the log. All
 * handles are local to grow_log, so VC006 is reported at its nda_resize (run: NDA_EREFERENCED). */
#include <nda.h>
#include <stdio.h>

static int grow_log(ptrdiff_t n)
{
    nda_array *log = nda_arange(n);
    if (!log)
        return -1;
    nda_array *head = nda_slice(log, 0, 0, 2, 1);
    if (!head || nda_get1(head, 1) != 1.0) {
        nda_release(head);
        nda_release(log);
        return -1;
    }
    nda_status st = nda_resize(log, 2 * n); // expect: VC006
    printf("resize: %s\n", nda_status_name(st));
    nda_release(head);
    nda_release(log);
    return st == NDA_OK ? 0 : 1;
}

int main(void)
{
    return grow_log(4) < 0 ? 2 : 0;
}
