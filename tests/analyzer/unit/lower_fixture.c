#define _DEFAULT_SOURCE
#include "lower_fixture.h"

#include <clang-c/Index.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#ifndef NDA_INCLUDE_DIR
#error "NDA_INCLUDE_DIR must name runtime/include"
#endif

vc_unit *lower_source(const char *source)
{
    char path[] = "/tmp/vc_unit_XXXXXX.c";
    int fd = mkstemps(path, 2);
    if (fd < 0)
        return NULL;
    FILE *f = fdopen(fd, "w");
    fputs("#include <nda.h>\n#include <string.h>\n", f);
    fputs(source, f);
    fclose(f);
    const char *args[] = {"-std=c11", "-I" NDA_INCLUDE_DIR};
    vc_compile_job job = {path, NULL, args, 2, NULL, 0};
    CXIndex index = clang_createIndex(0, 0);
    vc_unit *u = frontend_lower(index, &job);
    clang_disposeIndex(index);
    unlink(path);
    return u;
}

vc_function *find_function(vc_unit *u, const char *name)
{
    for (int i = 0; i < u->nfunctions; i++)
        if (strcmp(u->functions[i]->name, name) == 0)
            return u->functions[i];
    return NULL;
}

int count_instrs(const vc_function *f, vc_instr_kind kind)
{
    int n = 0;
    for (int b = 0; b < f->nblocks; b++)
        for (int i = 0; i < f->blocks[b].ninstrs; i++)
            n += f->blocks[b].instrs[i].kind == kind;
    return n;
}

const vc_instr *find_call(const vc_function *f, const char *callee)
{
    for (int b = 0; b < f->nblocks; b++)
        for (int i = 0; i < f->blocks[b].ninstrs; i++) {
            const vc_instr *in = &f->blocks[b].instrs[i];
            if (in->kind == I_CALL && in->callee_name && strcmp(in->callee_name, callee) == 0)
                return in;
        }
    return NULL;
}

int block_of_call(const vc_function *f, const char *callee)
{
    for (int b = 0; b < f->nblocks; b++)
        for (int i = 0; i < f->blocks[b].ninstrs; i++) {
            const vc_instr *in = &f->blocks[b].instrs[i];
            if (in->kind == I_CALL && in->callee_name && strcmp(in->callee_name, callee) == 0)
                return b;
        }
    return -1;
}

bool reaches(const vc_function *f, int from, int to)
{
    bool *seen = calloc((size_t)f->nblocks, 1);
    int *stack = malloc((size_t)f->nblocks * sizeof *stack), top = 0;
    stack[top++] = from;
    seen[from] = true;
    bool found = false;
    while (top > 0 && !found) {
        int b = stack[--top];
        for (int s = 0; s < f->blocks[b].nsucc; s++) {
            int t = f->blocks[b].succ[s];
            found |= t == to;
            if (!seen[t]) {
                seen[t] = true;
                stack[top++] = t;
            }
        }
    }
    free(seen);
    free(stack);
    return found;
}
