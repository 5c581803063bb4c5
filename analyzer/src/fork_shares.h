/* Work shared among forked processes that inherit the parent's memory: share k writes its
 * results to a temporary file, and the parent collects the files in order of k. */
#ifndef VC_FORK_SHARES_H
#define VC_FORK_SHARES_H

#include <stdbool.h>
#include <stdio.h>

typedef struct {
    /* in worker k: do share k, write the results to out */
    void (*work)(void *ctx, int k, FILE *out);
    /* in the parent: read share k's results from in (rewound); false when they are unusable */
    bool (*collect)(void *ctx, int k, FILE *in);
    /* in the parent: do share k itself (its worker failed or its results were unusable) */
    void (*redo)(void *ctx, int k);
    void *ctx;
} fork_share_ops;

void fork_shares(int workers, const fork_share_ops *ops);

#endif
