/* Makes room at the front of a char buffer by shifting its contents right by one with memcpy
 * (memmove was needed). memcpy's contract is "no overlap at all" (the memcpy/strcpy family), and
 * buf + 1 .. buf + 7 overlaps buf .. buf + 6: VC002 at the call. glibc's x86-64 memcpy happens to
 * move overlapping bytes correctly; AddressSanitizer stops the run with memcpy-param-overlap. */
#include <stdio.h>
#include <string.h>

int main(void)
{
    char buf[16] = "abcdef";
    memcpy(buf + 1, buf, strlen(buf) + 1); // expect: VC002
    buf[0] = '>';
    printf("%s (memmove would give >abcdef)\n", buf);
    return 0;
}
