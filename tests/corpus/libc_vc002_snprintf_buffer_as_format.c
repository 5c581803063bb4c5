/* A template is copied into a buffer and then expanded in place with
 * snprintf(buf, sizeof buf, buf, ...). The buffer is both the output and the format; snprintf
 * forbids that overlap (restrict; the libc model says no_overlap(0, 2)): VC002 at the call.
 * The run prints an empty line: glibc terminates the output first, so the format it reads is "". */
#include <stdio.h>
#include <string.h>

int main(void)
{
    char buf[40];
    strcpy(buf, "x=%d y=%d z=%d");
    snprintf(buf, sizeof buf, buf, 1234567, 2345678, 3456789); // expect: VC002
    printf("%s\n", buf);
    return 0;
}
