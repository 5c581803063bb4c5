/* Hands the only remaining handle of a buffer over to a full view (the original handle is
 * released), then resizes through that view. The view is still a view of the first array, so
 * nda_resize returns NDA_EREFERENCED (checked). VC006: "nda_resize on an array that is a view". */
#include <nda.h>
#include <stdio.h>

int main(void)
{
    nda_array *orig = nda_arange(5);
    if (!orig)
        return 1;
    nda_array *alias = nda_view(orig);
    nda_release(orig);
    if (!alias)
        return 1;
    nda_status st = nda_resize(alias, 10); // expect: VC006
    printf("resize: %s\n", nda_status_name(st));
    nda_release(alias);
    return 0;
}
