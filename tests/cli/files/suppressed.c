/* Two VC004 findings, both silenced in the source: one by a comment on the line above, one by
 * a comment on the reported line itself. Text output and the exit status ignore them; SARIF
 * still carries them, marked suppressed. */
#include <nda.h>

#include <stdio.h>

static void above(nda_array *buf)
{
    nda_array *header = nda_slice(buf, 0, 0, 3, 1);
    // viewcheck: ignore VC004 -- the header is shown as updated on purpose
    nda_fill(header, 0.0);
    nda_print(stdout, buf);
    nda_print(stdout, header);
    nda_release(header);
}

static void same_line(nda_array *buf)
{
    nda_array *tail = nda_slice(buf, 0, 5, 8, 1);
    nda_fill(tail, 1.0); // viewcheck: ignore VC004
    nda_print(stdout, buf);
    nda_print(stdout, tail);
    nda_release(tail);
}

int main(void)
{
    nda_array *buf = nda_arange(10);
    above(buf);
    same_line(buf);
    nda_release(buf);
    return 0;
}
