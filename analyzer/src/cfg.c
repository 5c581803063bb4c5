/* Control-flow graph facts the dataflow needs: a reverse post-order, the back edges found by a
 * depth-first search from the entry, and the natural loop of each back edge. */
#include "ir.h"

#include "util.h"

#include <stdlib.h>
#include <string.h>

enum { WHITE, GREY, BLACK };

typedef struct {
    const vc_function *f;
    unsigned char *color;
    int *post;
    int npost;
    int *back_from, *back_to, nback, back_cap;
} dfs_state;

/* Iterative DFS: an explicit stack of (block, next successor index). */
static void dfs(dfs_state *s)
{
    int n = s->f->nblocks;
    int *stack = xmalloc((size_t)n * sizeof *stack), *next = xcalloc((size_t)n, sizeof *next);
    int top = 0;
    stack[top++] = s->f->entry;
    s->color[s->f->entry] = GREY;
    while (top > 0) {
        int b = stack[top - 1];
        const vc_block *blk = &s->f->blocks[b];
        if (next[b] < blk->nsucc) {
            int to = blk->succ[next[b]++];
            if (s->color[to] == WHITE) {
                s->color[to] = GREY;
                stack[top++] = to;
            } else if (s->color[to] == GREY) {
                int cap = s->back_cap;
                GROW(s->back_from, s->nback, cap);
                GROW(s->back_to, s->nback, s->back_cap);
                s->back_from[s->nback] = b;
                s->back_to[s->nback++] = to;
            }
            continue;
        }
        s->color[b] = BLACK;
        s->post[s->npost++] = b;
        top--;
    }
    free(stack);
    free(next);
}

int cfg_reverse_postorder(const vc_function *f, int *order)
{
    dfs_state s = {.f = f};
    s.color = xcalloc((size_t)f->nblocks, 1);
    s.post = xmalloc((size_t)f->nblocks * sizeof *s.post);
    dfs(&s);
    for (int i = 0; i < s.npost; i++)
        order[i] = s.post[s.npost - 1 - i];
    int n = s.npost;
    free(s.color);
    free(s.post);
    free(s.back_from);
    free(s.back_to);
    return n;
}

static void set_bit(uint64_t *bits, int i)
{
    bits[i / 64] |= 1ull << (i % 64);
}
static bool get_bit(const uint64_t *bits, int i)
{
    return bits[i / 64] >> (i % 64) & 1;
}

/* The natural loop of back edge from -> head: head plus every block that reaches `from`
 * without passing through head. Found by walking predecessors backwards. */
static uint64_t *natural_loop(const vc_function *f, int from, int head)
{
    int words = (f->nblocks + 63) / 64;
    uint64_t *in = xcalloc((size_t)words, sizeof *in);
    int *work = xmalloc((size_t)f->nblocks * sizeof *work), top = 0;
    set_bit(in, head);
    if (!get_bit(in, from)) {
        set_bit(in, from);
        work[top++] = from;
    }
    while (top > 0) {
        int b = work[--top];
        for (int p = 0; p < f->nblocks; p++) {
            const vc_block *pb = &f->blocks[p];
            for (int s = 0; s < pb->nsucc; s++) {
                if (pb->succ[s] == b && !get_bit(in, p)) {
                    set_bit(in, p);
                    work[top++] = p;
                }
            }
        }
    }
    free(work);
    return in;
}

void cfg_analyze_loops(vc_function *f)
{
    dfs_state s = {.f = f};
    s.color = xcalloc((size_t)f->nblocks, 1);
    s.post = xmalloc((size_t)f->nblocks * sizeof *s.post);
    dfs(&s);
    f->back_from = s.back_from;
    f->back_to = s.back_to;
    f->nback = s.nback;
    f->loop_blocks = xcalloc((size_t)(f->nback ? f->nback : 1), sizeof *f->loop_blocks);
    for (int l = 0; l < f->nback; l++)
        f->loop_blocks[l] = natural_loop(f, f->back_from[l], f->back_to[l]);
    free(s.color);
    free(s.post);
}

bool cfg_edge_is_back(const vc_function *f, int from, int to, int *loop)
{
    for (int l = 0; l < f->nback; l++) {
        if (f->back_from[l] == from && f->back_to[l] == to) {
            *loop = l;
            return true;
        }
    }
    return false;
}

bool cfg_loop_contains(const vc_function *f, int loop, int block)
{
    return get_bit(f->loop_blocks[loop], block);
}
