/* Doubles a word by appending it to itself with strncat(word, word, n). The source's terminating
 * null is overwritten by the first appended character, and strncat forbids any overlap
 * (identical operands included): VC002 at the call. glibc happens to print "abab";
 * AddressSanitizer stops the run with strncat-param-overlap. */
#include <stdio.h>
#include <string.h>

int main(void)
{
    char word[16] = "ab";
    strncat(word, word, 2); // expect: VC002
    printf("%s\n", word);
    return 0;
}
