/* Keeps a view of `orig` live and grows a copy of it. The copy is a fresh owner with no views and
 * one reference (the views belong to orig), so nda_resize(copy) returns NDA_OK (checked): no
 * VC006. Reading the view afterwards is fine: nothing wrote orig's memory. No finding here. */
#include <nda.h>
#include <stdio.h>

int main(void)
{
    nda_array *orig = nda_arange(6);
    if (!orig)
        return 1;
    nda_array *head = nda_slice(orig, 0, 0, 3, 1);
    nda_array *grown = nda_copy(orig);
    if (!head || !grown)
        return 1;
    nda_status st = nda_resize(grown, 12);
    printf("resize copy: %s\n", nda_status_name(st));
    printf("head sum %g, grown size %td\n", nda_sum(head), nda_size(grown));
    nda_release(grown);
    nda_release(head);
    nda_release(orig);
    return st == NDA_OK ? 0 : 1;
}
