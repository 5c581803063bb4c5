#define _DEFAULT_SOURCE
#include "ir.h"

#include "util.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

vc_function *ir_function_new(const char *name, const char *usr)
{
    vc_function *f = xcalloc(1, sizeof *f);
    f->name = xstrdup(name);
    f->usr = xstrdup(usr);
    f->def_id = -1;
    f->entry = ir_block_new(f);
    f->exit = ir_block_new(f);
    return f;
}

void ir_function_free(vc_function *f)
{
    if (!f)
        return;
    for (int i = 0; i < f->nplaces; i++) {
        free(f->places[i].name);
        free(f->places[i].key);
    }
    for (int b = 0; b < f->nblocks; b++) {
        for (int i = 0; i < f->blocks[b].ninstrs; i++) {
            free(f->blocks[b].instrs[i].args);
            free(f->blocks[b].instrs[i].callee_name);
            free(f->blocks[b].instrs[i].callee_type);
            free(f->blocks[b].instrs[i].callee_field);
        }
        free(f->blocks[b].instrs);
        free(f->blocks[b].succ);
    }
    for (int l = 0; l < f->nback; l++)
        free(f->loop_blocks[l]);
    free(f->loop_blocks);
    free(f->back_from);
    free(f->back_to);
    for (int i = 0; i < f->nparams && f->param_names; i++)
        free(f->param_names[i]);
    free(f->param_names);
    free(f->places);
    free(f->blocks);
    free(f->name);
    free(f->usr);
    free(f);
}

int ir_place_add(vc_function *f, vc_place place)
{
    GROW(f->places, f->nplaces, f->places_cap);
    f->places[f->nplaces] = place;
    return f->nplaces++;
}

int ir_place_find(const vc_function *f, const char *key)
{
    for (int i = 0; i < f->nplaces; i++)
        if (f->places[i].key && strcmp(f->places[i].key, key) == 0)
            return i;
    return -1;
}

int ir_block_new(vc_function *f)
{
    GROW(f->blocks, f->nblocks, f->blocks_cap);
    memset(&f->blocks[f->nblocks], 0, sizeof f->blocks[0]);
    return f->nblocks++;
}

void ir_block_edge(vc_function *f, int from, int to)
{
    vc_block *b = &f->blocks[from];
    for (int i = 0; i < b->nsucc; i++)
        if (b->succ[i] == to)
            return;
    GROW(b->succ, b->nsucc, b->succ_cap);
    b->succ[b->nsucc++] = to;
}

vc_instr *ir_emit(vc_function *f, int block, vc_instr instr)
{
    vc_block *b = &f->blocks[block];
    GROW(b->instrs, b->ninstrs, b->cap);
    if (instr.seq == 0)
        instr.seq = ++f->ninstrs;
    else if (instr.seq > f->ninstrs)
        f->ninstrs = instr.seq;
    b->instrs[b->ninstrs] = instr;
    return &b->instrs[b->ninstrs++];
}

const char *ir_instr_kind_name(vc_instr_kind k)
{
    static const char *const names[] = {"copy", "move",  "offset", "addr",    "clear",  "call",
                                        "read", "write", "return", "storage", "scalar", "use"};
    return names[k];
}

static const char *place_name(const vc_function *f, int p)
{
    return p >= 0 ? f->places[p].name : "-";
}

static void dump_instr(const vc_function *f, const vc_instr *in, FILE *out)
{
    fprintf(out, "    %u:%u %s", in->loc.line, in->loc.col, ir_instr_kind_name(in->kind));
    if (in->kind == I_CALL) {
        fprintf(out, " %s(", in->callee_name ? in->callee_name : "?");
        for (int a = 0; a < in->nargs; a++) {
            const vc_operand *op = &in->args[a];
            fprintf(out, "%s%s%s", a ? ", " : "", op->address_of ? "&" : "",
                    op->kind == OP_PLACE ? place_name(f, op->place) : "_");
            if (op->has_value)
                fprintf(out, "=%lld", (long long)op->value);
        }
        fprintf(out, ")");
    }
    if (in->dst >= 0)
        fprintf(out, " dst=%s", place_name(f, in->dst));
    if (in->src >= 0)
        fprintf(out, " src=%s", place_name(f, in->src));
    fprintf(out, "\n");
}

void ir_dump(const vc_function *f, void *stream)
{
    FILE *out = stream;
    fprintf(out, "function %s\n", f->name);
    for (int b = 0; b < f->nblocks; b++) {
        const vc_block *blk = &f->blocks[b];
        fprintf(out, "  block %d%s%s ->", b, b == f->entry ? " (entry)" : "",
                b == f->exit ? " (exit)" : "");
        for (int s = 0; s < blk->nsucc; s++)
            fprintf(out, " %d", blk->succ[s]);
        fprintf(out, "\n");
        for (int i = 0; i < blk->ninstrs; i++)
            dump_instr(f, &blk->instrs[i], out);
    }
}

char *ir_hash(const vc_function *f)
{
    char *text = NULL;
    size_t len = 0;
    FILE *mem = open_memstream(&text, &len);
    uint64_t h = 1469598103934665603ull;
    if (mem) {
        ir_dump(f, mem);
        fclose(mem);
        for (size_t i = 0; i < len; i++)
            h = (h ^ (unsigned char)text[i]) * 1099511628211ull;
    }
    free(text);
    return xasprintf("%016llx", (unsigned long long)h);
}
