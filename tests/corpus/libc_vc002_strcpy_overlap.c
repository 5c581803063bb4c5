/* Indents a line by two spaces by copying it onto itself two characters further on with strcpy.
 * strcpy forbids any overlap of its arguments (C11 7.24.2.3), and line + 2 overlaps line: VC002
 * at the call. glibc happens to print the intended text; AddressSanitizer stops the run with
 * strcpy-param-overlap. */
#include <stdio.h>
#include <string.h>

int main(void)
{
    char line[32] = "hello, world";
    strcpy(line + 2, line); // expect: VC002
    line[0] = ' ';
    line[1] = ' ';
    printf("[%s]\n", line);
    return 0;
}
