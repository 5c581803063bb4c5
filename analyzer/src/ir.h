/* The lowered intermediate representation: per function, a table of places (things that hold
 * handles), and a control-flow graph of basic blocks holding the few instructions that matter
 * to aliasing. */
#ifndef VC_IR_H
#define VC_IR_H

#include "region.h"

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

typedef struct {
    uint32_t file; /* index into the translation unit's file table */
    uint32_t line, col;
} vc_loc;

typedef enum {
    PLACE_LOCAL,
    PLACE_PARAM,
    PLACE_GLOBAL,
    PLACE_FIELD,   /* base.f or base->f */
    PLACE_ELEMENT, /* base[*]: every element of an array of handles, summarized */
    PLACE_TEMP,
} vc_place_kind;

typedef struct {
    char *name; /* as the user reads it: "a", "s.rows", "img->base", "views[]" */
    char *key;  /* identity: declaration USR or path */
    vc_place_kind kind;
    int param_index;   /* PLACE_PARAM */
    int base;          /* PLACE_FIELD / PLACE_ELEMENT: the place it is part of, else -1 */
    bool is_pointer;   /* holds a pointer (a handle) */
    bool is_array;     /* a C array object: its storage is memory of its own */
    bool const_target; /* pointer to const-qualified data */
    bool restrict_qualified;
    bool self_link; /* a member pointing to its own struct type (list->next, node->parent) */
    bool moves;     /* a pointer advanced in place (p += k, p++): a cursor over a buffer */
    vc_loc decl;
} vc_place;

typedef enum {
    OP_NONE,  /* no handle */
    OP_PLACE, /* the handles held by a place */
} vc_operand_kind;

typedef struct {
    vc_operand_kind kind;
    int place;
    bool has_value; /* the expression folds to an integer constant */
    int64_t value;
    bool has_bound; /* the expression is c + k * variable (vc_bound; atom = place) */
    vc_bound bound;
    bool address_of;   /* &place (the place's own storage, e.g. &v.vector) */
    int32_t elem_size; /* bytes of what a pointer argument points to, 0 unknown */
} vc_operand;

typedef enum {
    I_ASSIGN_COPY,   /* dst = src: a new handle derived from src by a plain pointer copy */
    I_ASSIGN_MOVE,   /* dst = temp: dst takes the handles, no new handle */
    I_ASSIGN_OFFSET, /* dst = src + k: a derived data pointer */
    I_ASSIGN_ADDR,   /* dst = &src (src's own storage) */
    I_CLEAR,         /* dst = something that is no handle (NULL, a number) */
    I_CALL,          /* [dst =] callee(args) */
    I_READ,          /* a load through a pointer place */
    I_WRITE,         /* a store through a pointer place */
    I_RETURN,        /* return [src] */
    I_DECL_STORAGE,  /* a local array comes into existence: dst is its storage */
    I_SCALAR_SET,    /* the integer variable dst gets a new value (bounds naming it go stale) */
    I_USE,           /* a member of what the pointer place src points to is accessed (p->len) */
} vc_instr_kind;

typedef struct {
    vc_instr_kind kind;
    int dst, src; /* places or -1 */
    vc_loc loc;
    uint32_t stmt; /* index of the top-level statement it belongs to */
    /* I_CALL */
    int callee; /* index into the unit's function table, or -1 when unknown */
    char *callee_name;
    char *callee_type;  /* calls through a pointer: the function type, for the candidates */
    char *callee_field; /* ... through a struct member (s->cb(...)): the member's name */
    uint32_t seq;       /* emission order in the function: identity of the site it creates */
    vc_operand *args;
    int nargs;
} vc_instr;

typedef struct {
    vc_instr *instrs;
    int ninstrs, cap;
    int *succ;
    int nsucc, succ_cap;
} vc_block;

typedef struct vc_function {
    char *name;
    char *usr;
    bool is_static;
    bool has_body;
    int def_id; /* the program's index of this definition (analysis.c), -1 before */
    vc_loc loc;
    vc_place *places;
    int nplaces, places_cap;
    int nparams;
    char **param_names; /* nparams entries */
    vc_block *blocks;
    int nblocks, blocks_cap;
    uint32_t ninstrs; /* instructions emitted so far: the next one's seq */
    int entry, exit;
    /* filled by cfg_analyze_loops: back edges and the blocks of each natural loop */
    int *back_from, *back_to;
    uint64_t **loop_blocks; /* bitset over blocks, one per back edge */
    int nback;
} vc_function;

vc_function *ir_function_new(const char *name, const char *usr);
void ir_function_free(vc_function *f);
int ir_place_add(vc_function *f, vc_place place);
int ir_place_find(const vc_function *f, const char *key);
int ir_block_new(vc_function *f);
void ir_block_edge(vc_function *f, int from, int to);
vc_instr *ir_emit(vc_function *f, int block, vc_instr instr);
const char *ir_instr_kind_name(vc_instr_kind k);
void ir_dump(const vc_function *f, void *stream);
/* A hash of the lowered function (what its summary is computed from), as hex text. */
char *ir_hash(const vc_function *f);

/* cfg.c */
void cfg_analyze_loops(vc_function *f);
bool cfg_edge_is_back(const vc_function *f, int from, int to, int *loop);
bool cfg_loop_contains(const vc_function *f, int loop, int block);
/* blocks in reverse post-order from the entry (unreachable blocks omitted) */
int cfg_reverse_postorder(const vc_function *f, int *order);

#endif
