/* Copies a key from the start of a buffer to its middle through a second pointer into the same
 * buffer: cursor = buf + 4; memcpy(cursor, buf, 8). A plain pointer copy plus arithmetic is still
 * the same array, and [4, 12) overlaps [0, 8): VC002 at the call. (The compiler expands this
 * 8-byte memcpy inline, so the run prints the intended ABCDABCDEFGHMNO.) */
#include <stdio.h>
#include <string.h>

int main(void)
{
    char buf[16] = "ABCDEFGHIJKLMNO";
    char *cursor = buf + 4;
    memcpy(cursor, buf, 8); // expect: VC002
    printf("%s\n", buf);
    return 0;
}
