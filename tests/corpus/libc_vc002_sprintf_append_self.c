/* The classic append bug: sprintf(msg, "%s, %d", msg, code) to add to a message in place. The
 * buffer is also an argument read by %s while sprintf writes it, which C11 7.21.6.6 leaves
 * undefined ("copying takes place between objects that overlap"): VC002 at the call. (Known gap:
 * a model can name only declared parameters, not variadic ones.) glibc prints "error, 42" here. */
#include <stdio.h>

int main(void)
{
    char msg[32] = "error";
    int code = 42;
    sprintf(msg, "%s, %d", msg, code); // expect: VC002
    printf("%s\n", msg);
    return 0;
}
