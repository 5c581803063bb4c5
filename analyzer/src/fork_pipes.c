#include "fork_pipes.h"

#include <stdbool.h>
#include <stdio.h>
#include <unistd.h>

pid_t fork_with_pipes(int *read_end, int *write_end)
{
    int down[2], up[2]; /* parent to child, child to parent */
    if (pipe(down) != 0)
        return -1;
    if (pipe(up) != 0) {
        close(down[0]);
        close(down[1]);
        return -1;
    }
    fflush(NULL);
    pid_t pid = fork();
    if (pid < 0) {
        close(down[0]);
        close(down[1]);
        close(up[0]);
        close(up[1]);
        return -1;
    }
    bool child = pid == 0;
    close(child ? down[1] : down[0]);
    close(child ? up[0] : up[1]);
    *read_end = child ? down[0] : up[0];
    *write_end = child ? up[1] : down[1];
    return pid;
}
