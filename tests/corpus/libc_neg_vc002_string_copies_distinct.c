/* Builds a path with strcpy, strcat and snprintf, each writing a buffer distinct from every
 * buffer it reads (the format strings are literals, the %s arguments other arrays): the
 * memcpy/strcpy family's "no overlap" contracts hold, no VC002. */
#include <stdio.h>
#include <string.h>

int main(void)
{
    char dir[32] = "/tmp";
    char name[16] = "data";
    char path[64];
    char label[80];
    strcpy(path, dir);
    strcat(path, "/");
    strncat(path, name, sizeof path - strlen(path) - 1);
    snprintf(label, sizeof label, "file %s (%zu bytes)", path, strlen(path));
    printf("%s\n", label);
    return 0;
}
