/* A helper that copies its whole range with one memcpy (no cursor): its no-overlap contract is
 * about the two ranges it was given, so calling it on a range and the same range shifted by two
 * bytes is an overlapping memcpy. VC002 at the helper's call. */
#include <stdio.h>
#include <string.h>

static void copy_range(char *dst, const char *src, size_t n)
{
    memcpy(dst, src, n);
}

int main(void)
{
    char buf[16] = "abcdefghij";
    copy_range(buf + 2, buf, 8); // expect: VC002
    printf("%s\n", buf);
    return 0;
}
