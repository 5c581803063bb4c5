/* A child process joined to this one by two pipes. */
#ifndef VC_FORK_PIPES_H
#define VC_FORK_PIPES_H

#include <sys/types.h>

/* Returns the child's pid in the parent, 0 in the child, -1 (nothing left open) on failure.
 * *read_end and *write_end are this process's ends: the child reads what the parent writes. */
pid_t fork_with_pipes(int *read_end, int *write_end);

#endif
