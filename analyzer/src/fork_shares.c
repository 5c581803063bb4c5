#define _DEFAULT_SOURCE
#include "fork_shares.h"

#include "util.h"

#include <stdlib.h>
#include <sys/wait.h>
#include <unistd.h>

void fork_shares(int workers, const fork_share_ops *ops)
{
    FILE **files = xcalloc((size_t)workers, sizeof *files);
    pid_t *pids = xcalloc((size_t)workers, sizeof *pids);
    fflush(NULL);
    for (int k = 0; k < workers; k++) {
        files[k] = tmpfile();
        pids[k] = files[k] ? fork() : -1;
        if (pids[k] == 0) {
            ops->work(ops->ctx, k, files[k]);
            fflush(files[k]);
            _exit(0);
        }
    }
    for (int k = 0; k < workers; k++) {
        int status = 0;
        bool done = pids[k] > 0 && waitpid(pids[k], &status, 0) == pids[k] && WIFEXITED(status) &&
                    WEXITSTATUS(status) == 0;
        if (done) {
            rewind(files[k]);
            done = ops->collect(ops->ctx, k, files[k]);
        }
        if (!done)
            ops->redo(ops->ctx, k);
        if (files[k])
            fclose(files[k]);
    }
    free(files);
    free(pids);
}
