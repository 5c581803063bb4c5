/* Duplicates the first half of a 16-byte buffer into its second half: memcpy(buf + 8, buf, 8).
 * The ranges [8, 16) and [0, 8) of one array do not overlap; with constant offsets and a constant
 * length they are provably disjoint ("never findings"): no VC002. */
#include <stdio.h>
#include <string.h>

int main(void)
{
    char buf[17] = "01234567";
    memcpy(buf + 8, buf, 8);
    buf[16] = '\0';
    printf("%s\n", buf);
    return 0;
}
