/* Keeps a message template in the second half of the output buffer and formats into the buffer
 * itself: sprintf(buf, buf + 24, ...). The output buffer and the format string must not overlap
 * (restrict, C11 7.21.6.6; the libc model says no_overlap(0, 1)), and the 34 characters written
 * run over the template: VC002 at the call. glibc happens to print the intended text. */
#include <stdio.h>
#include <string.h>

int main(void)
{
    char buf[48] = "";
    strcpy(buf + 24, "%d-%d-%d-%d-%d");
    sprintf(buf, buf + 24, 100000, 200000, 300000, 400000, 500000); // expect: VC002
    printf("%s\n", buf);
    return 0;
}
