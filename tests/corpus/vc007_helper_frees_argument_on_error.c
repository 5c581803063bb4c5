/* A helper that takes ownership of its (non-const) buffer on the error path only: it frees the
 * buffer when the input is invalid. The caller goes on printing the buffer, which on that path
 * was freed: VC007 ("may", on the error path) at the use after the call. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static int check_or_drop(char *buf)
{
    if (buf[0] == '\0') {
        free(buf);
        return -1;
    }
    return 0;
}

int main(int argc, char **argv)
{
    char *buf = malloc(16);
    if (!buf)
        return 1;
    strcpy(buf, argc > 1 ? argv[1] : "");
    int status = check_or_drop(buf);
    printf("status %d, text '%s'\n", status, buf); // expect: VC007
    if (status == 0)
        free(buf);
    return 0;
}
