/* A suppression comment that names another rule does not silence the finding: the VC004 at the
 * nda_fill is still reported. */
#include <nda.h>

#include <stdio.h>

int main(void)
{
    nda_array *buf = nda_arange(10);
    nda_array *header = nda_slice(buf, 0, 0, 3, 1);
    // viewcheck: ignore VC001 VC003 -- not the rule that fires here
    nda_fill(header, 0.0); // expect: VC004
    nda_print(stdout, buf);
    nda_print(stdout, header);
    nda_release(header);
    nda_release(buf);
    return 0;
}
