/* Strips a leading '#' from a comment line in place with strncpy(s, s + 1, n). strncpy forbids
 * any overlap of its arguments (C11 7.24.2.4), and s overlaps s + 1: VC002 at the call
 * (memmove was needed). AddressSanitizer stops the run with strncpy-param-overlap. */
#include <stdio.h>
#include <string.h>

int main(void)
{
    char s[32] = "#comment text";
    size_t n = strlen(s);
    strncpy(s, s + 1, n); // expect: VC002
    printf("[%s]\n", s);
    return 0;
}
