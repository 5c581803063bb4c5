/* git's FREE_AND_NULL: free(p) and p = NULL wrapped in do { } while (0) so that the macro is one
 * statement. The loop body runs exactly once, so the member is released once (it was reported as
 * "may be released again", the loop taken for one that can repeat): no VC007. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define FREE_AND_NULL(p)                                                                           \
    do {                                                                                           \
        free(p);                                                                                   \
        (p) = NULL;                                                                                \
    } while (0)

struct dir_info {
    char *dirs;
};

static void clear_dirs(struct dir_info *info)
{
    FREE_AND_NULL(info->dirs);
}

int main(void)
{
    struct dir_info info = {malloc(16)};
    if (!info.dirs)
        return 1;
    strcpy(info.dirs, "src:include");
    printf("%s\n", info.dirs);
    clear_dirs(&info);
    return info.dirs != NULL;
}
