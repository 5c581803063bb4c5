/* The provenance dataflow over one function's CFG: forward, flow-sensitive, to a fixpoint, then
 * one more pass in which the rules report. */
#include "flow.h"

#include "analysis.h"
#include "pair_cache.h"
#include "util.h"

#include <limits.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* The first event of each kind on a parameter's memory, for the summary's story. */
typedef struct first_event {
    vc_loc at;
    const vc_effect *cause;
    const char *callee;
    bool set;
} first_event;

enum { SUM_BITS = 8 };

struct vc_flow {
    const vc_program *program;
    vc_unit *unit;
    vc_function *fn;
    const vc_config *cfg;
    vc_findings *out;
    vc_object *objs;
    int nobjs, objs_cap;
    int *roots, nroots, roots_cap; /* the objects that are roots, in creation order */
    /* per object: the next object of its root memory (-1: none); per root: the last one */
    int *next_in_root, *last_in_root;
    int kind_count[OBJ_KIND_COUNT];
    strmap obj_index;
    strmap once;          /* (rule, key location) pairs already reported */
    pair_cache relations; /* objects' regions never change once made: their relations (which
                           * are symmetric) stay */
    int words;
    vc_state cur;
    int block;
    /* summary accumulation */
    vc_model *summary;
    uint16_t *root_fx;       /* per object: what happened to the memory of a parameter root */
    first_event *root_first; /* per object and summary bit: the first such event */
    uint64_t *returned;      /* objects returned */
    int returned_words;
    bool returns_something;
    vc_refusal refusing; /* whether the call being applied refuses its writes */
};

uint8_t tri_set(bool may)
{
    return may ? TRI_MAY : TRI_MUST;
}

/* ---- objects ---------------------------------------------------------------------------- */

int flow_nobjects(const vc_flow *f)
{
    return f->nobjs;
}
const vc_object *flow_object(const vc_flow *f, int id)
{
    return &f->objs[id];
}
const vc_function *flow_function(const vc_flow *f)
{
    return f->fn;
}
vc_model *flow_summary(vc_flow *f)
{
    return f->summary;
}

bool flow_reporting(const vc_flow *f)
{
    return f->out != NULL;
}

static void state_fit(vc_flow *f, vc_state *s);

vc_objstate *flow_state(vc_flow *f, int id)
{
    if (f->cur.nobj < f->nobjs || f->cur.words < f->words)
        state_fit(f, &f->cur);
    return &f->cur.obj[id];
}

/* Objects made at one site from different parents are one handle on different paths. */
bool flow_same_handle(const vc_flow *f, int a, int b)
{
    return a == b || (f->objs[a].site == f->objs[b].site && f->objs[a].kind == f->objs[b].kind &&
                      f->objs[a].parent >= 0 && f->objs[b].parent >= 0);
}

bool flow_derived_from(const vc_flow *f, int obj, int ancestor)
{
    for (int o = obj; o >= 0; o = f->objs[o].parent)
        if (flow_same_handle(f, o, ancestor))
            return true;
    return false;
}

bool flow_once_for(vc_flow *f, const char *rule, vc_loc key, int obj)
{
    if (!f->out)
        return false;
    char *k = xasprintf("%s@%u:%u:%u", rule, key.file, key.line, key.col);
    int seen = strmap_get(&f->once, k);
    if (seen < 0)
        strmap_put(&f->once, k, obj + 1);
    free(k);
    if (seen < 0 || obj < 0)
        return seen < 0;
    /* another handle has its own first consequence; an older generation (a twin, which keeps
     * its handle's name) shares it */
    return seen == obj + 1 || strcmp(f->objs[obj].name, f->objs[seen - 1].name) != 0;
}

bool flow_once(vc_flow *f, const char *rule, vc_loc key)
{
    return flow_once_for(f, rule, key, -1);
}

bool flow_exists_may(vc_flow *f, int obj)
{
    return flow_state(f, obj)->exists == TRI_MAY;
}

bool flow_is_root(const vc_flow *f, int obj)
{
    return f->objs[obj].parent < 0;
}

int flow_next_of_root(const vc_flow *f, int obj)
{
    return f->next_in_root[obj];
}

int flow_count_of_kind(const vc_flow *f, vc_object_kind kind)
{
    return f->kind_count[kind];
}

int flow_nroots(const vc_flow *f)
{
    return f->nroots;
}

int flow_root(const vc_flow *f, int i)
{
    return f->roots[i];
}

/* The handle on obj's chain made directly from its root (the root itself for a root). */
static int first_step(const vc_flow *f, int obj)
{
    while (f->objs[obj].parent >= 0 && f->objs[f->objs[obj].parent].parent >= 0)
        obj = f->objs[obj].parent;
    return obj;
}

static vc_relation relation_of(vc_flow *f, int a, const vc_region *ra, int b, const vc_region *rb);

vc_relation flow_relation(vc_flow *f, int a, int b)
{
    return relation_of(f, a, &f->objs[a].region, b, &f->objs[b].region);
}

bool flow_is_raw_buffer(const vc_flow *f, int obj)
{
    for (int o = obj; o >= 0; o = f->objs[o].parent) {
        vc_object_kind k = f->objs[o].kind;
        if (k != OBJ_COPY && k != OBJ_DATA && f->objs[o].parent >= 0)
            return false; /* a view: its axes are the array's, not bytes */
    }
    int root = f->objs[obj].root;
    return f->objs[root].region.ndim <= 1 && f->objs[root].region.axes_known;
}

/* Regions are large: they are copied only where a variable they name changed. */
static vc_relation relation_of(vc_flow *f, int a, const vc_region *ra, int b, const vc_region *rb)
{
    if (f->objs[a].root != f->objs[b].root)
        return REL_DISJOINT;
    if (a == b && !f->objs[a].offset)
        return REL_IDENTICAL;
    int root = f->objs[a].root;
    if (f->objs[root].elements && first_step(f, a) != first_step(f, b))
        return REL_DISJOINT; /* two elements read apart: assumed distinct, as parameters are */
    bool stale_a = flow_state(f, a)->atoms_stale, stale_b = flow_state(f, b)->atoms_stale;
    uint64_t key = a < b ? (uint64_t)a << 33 | (uint64_t)b << 2 | (uint64_t)stale_a << 1 | stale_b
                         : (uint64_t)b << 33 | (uint64_t)a << 2 | (uint64_t)stale_b << 1 | stale_a;
    uint8_t known;
    bool own_regions = ra == &f->objs[a].region && rb == &f->objs[b].region;
    if (own_regions && pair_cache_get(&f->relations, key, &known))
        return (vc_relation)known;
    vc_region without_a, without_b;
    if (stale_a) {
        without_a = region_without_atoms(*ra);
        ra = &without_a;
    }
    if (stale_b) {
        without_b = region_without_atoms(*rb);
        rb = &without_b;
    }
    vc_relation r = region_relation(ra, rb);
    if (own_regions)
        pair_cache_put(&f->relations, key, (uint8_t)r);
    return r;
}

vc_relation flow_relation_regions(vc_flow *f, int a, vc_region ra, int b, vc_region rb)
{
    return relation_of(f, a, &ra, b, &rb);
}

bool flow_same_or_disjoint(vc_flow *f, int a, vc_region ra, int b, vc_region rb)
{
    if (f->objs[a].root != f->objs[b].root || f->objs[a].offset || f->objs[b].offset)
        return false;
    if (flow_state(f, a)->atoms_stale)
        ra = region_without_atoms(ra);
    if (flow_state(f, b)->atoms_stale)
        rb = region_without_atoms(rb);
    return region_same_or_disjoint(&ra, &rb);
}

const char *flow_name(const vc_flow *f, int obj)
{
    return f->objs[obj].name;
}

const char *flow_file(const vc_flow *f, vc_loc loc)
{
    return loc.file < (uint32_t)f->unit->nfiles ? f->unit->files[loc.file].path : "?";
}

static int object_get(vc_flow *f, int site, int parent, vc_object_kind kind, const char *name,
                      bool *created)
{
    char key[64];
    snprintf(key, sizeof key, "%d:%d:%d", site, parent, (int)kind);
    int id = strmap_get(&f->obj_index, key);
    *created = id < 0;
    if (id >= 0)
        return id;
    GROW(f->objs, f->nobjs, f->objs_cap);
    id = f->nobjs++;
    vc_object *o = &f->objs[id];
    memset(o, 0, sizeof *o);
    o->kind = kind;
    o->parent = parent;
    o->site = site;
    o->name = xstrdup(name);
    o->param_index = -1;
    bool root = parent < 0;
    o->root = root ? id : f->objs[parent].root;
    f->next_in_root = xrealloc(f->next_in_root, (size_t)f->objs_cap * sizeof *f->next_in_root);
    f->last_in_root = xrealloc(f->last_in_root, (size_t)f->objs_cap * sizeof *f->last_in_root);
    f->next_in_root[id] = -1;
    if (root) {
        GROW(f->roots, f->nroots, f->roots_cap);
        f->roots[f->nroots++] = id;
    } else {
        f->next_in_root[f->last_in_root[o->root]] = id;
    }
    f->last_in_root[o->root] = id;
    f->kind_count[kind]++;
    o->ref = (kind == OBJ_COPY || kind == OBJ_DATA) && !root ? f->objs[parent].ref : id;
    o->holds_ref = kind != OBJ_COPY && kind != OBJ_DATA && kind != OBJ_STORAGE;
    o->region = root ? region_whole(-1) : f->objs[parent].region;
    o->layout = root ? LAYOUT_UNKNOWN : f->objs[parent].layout;
    o->path = NULL;
    strmap_put(&f->obj_index, key, id);
    f->root_fx = xrealloc(f->root_fx, (size_t)f->objs_cap * sizeof *f->root_fx);
    f->root_fx[id] = 0;
    f->root_first = xrealloc(f->root_first, (size_t)f->objs_cap * SUM_BITS * sizeof *f->root_first);
    memset(&f->root_first[(size_t)id * SUM_BITS], 0, SUM_BITS * sizeof *f->root_first);
    if ((f->nobjs + 63) / 64 > f->words)
        f->words = (f->nobjs + 63) / 64;
    return id;
}

/* ---- states ----------------------------------------------------------------------------- */

static void state_fit(vc_flow *f, vc_state *s)
{
    if (s->nobj < f->nobjs) {
        s->obj = xrealloc(s->obj, (size_t)f->nobjs * sizeof *s->obj);
        memset(s->obj + s->nobj, 0, (size_t)(f->nobjs - s->nobj) * sizeof *s->obj);
        s->nobj = f->nobjs;
    }
    if (s->words < f->words) {
        int np = f->fn->nplaces;
        uint64_t *pts = xcalloc((size_t)(np ? np : 1) * (size_t)f->words, sizeof *pts);
        for (int p = 0; p < np && s->pts; p++)
            memcpy(pts + (size_t)p * f->words, s->pts + (size_t)p * s->words,
                   (size_t)s->words * sizeof *pts);
        free(s->pts);
        s->pts = pts;
        s->words = f->words;
    }
}

static void state_free(vc_state *s)
{
    free(s->obj);
    free(s->pts);
    memset(s, 0, sizeof *s);
}

static void state_copy(vc_flow *f, vc_state *dst, const vc_state *src)
{
    state_fit(f, dst);
    dst->reachable = src->reachable;
    dst->stmt = src->stmt;
    if (src->nobj)
        memcpy(dst->obj, src->obj, (size_t)src->nobj * sizeof *src->obj);
    if (dst->nobj > src->nobj)
        memset(dst->obj + src->nobj, 0, (size_t)(dst->nobj - src->nobj) * sizeof *dst->obj);
    size_t np = (size_t)f->fn->nplaces;
    if (src->pts && src->words == dst->words) {
        memcpy(dst->pts, src->pts, np * (size_t)dst->words * sizeof *dst->pts);
        return;
    }
    memset(dst->pts, 0, np * (size_t)dst->words * sizeof *dst->pts);
    for (size_t p = 0; p < np && src->pts; p++)
        memcpy(dst->pts + p * (size_t)dst->words, src->pts + p * (size_t)src->words,
               (size_t)src->words * sizeof *src->pts);
}

static uint8_t tri_join(uint8_t a, uint8_t b)
{
    return a == b ? a : TRI_MAY;
}

static bool join_fact(uint8_t *a, vc_loc *aloc, uint8_t b, vc_loc bloc)
{
    uint8_t j = tri_join(*a, b);
    bool changed = j != *a;
    if (*a == TRI_NO && b != TRI_NO)
        *aloc = bloc;
    *a = j;
    return changed;
}

static bool same_loc(vc_loc a, vc_loc b)
{
    return a.file == b.file && a.line == b.line && a.col == b.col;
}

bool flow_add_write(vc_objstate *a, vc_loc at, int block, bool observed, bool around)
{
    uint8_t bit = 1;
    bool known = same_loc(a->wrote_at, at);
    for (int i = 0; i < a->nwrote_also && !known; i++)
        if (same_loc(a->wrote_also[i], at)) {
            known = true;
            bit = (uint8_t)(2u << i);
        }
    if (!known) {
        if (a->nwrote_also == sizeof a->wrote_also / sizeof *a->wrote_also)
            return false;
        bit = (uint8_t)(2u << a->nwrote_also);
        a->wrote_also_block[a->nwrote_also] = block;
        a->wrote_also[a->nwrote_also++] = at;
    }
    uint8_t before = a->observed_writes, before_around = a->around_writes;
    if (observed)
        a->observed_writes |= bit;
    if (around)
        a->around_writes |= bit;
    return !known || before != a->observed_writes || before_around != a->around_writes;
}

/* Both paths wrote: the first write of each path is kept (a few of them), each with whether
 * the base was read since and whether it went around a loop since. */
static bool join_writes(vc_objstate *a, const vc_objstate *b)
{
    bool c = flow_add_write(a, b->wrote_at, b->wrote_block, b->observed_writes & 1,
                            b->around_writes & 1);
    for (int i = 0; i < b->nwrote_also; i++)
        c |= flow_add_write(a, b->wrote_also[i], b->wrote_also_block[i],
                            b->observed_writes >> (i + 1) & 1, b->around_writes >> (i + 1) & 1);
    return c;
}

static bool objstate_join(vc_objstate *a, const vc_objstate *b)
{
    if (!b->exists)
        return false;
    if (!a->exists) {
        *a = *b;
        a->exists = TRI_MAY;
        return true;
    }
    bool c = a->exists != tri_join(a->exists, b->exists);
    a->exists = tri_join(a->exists, b->exists);
    if (a->released == TRI_NO && b->released)
        a->released_cause = b->released_cause;
    c |= join_fact(&a->released, &a->released_at, b->released, b->released_at);
    c |= a->release_pending != tri_join(a->release_pending, b->release_pending);
    a->release_pending = tri_join(a->release_pending, b->release_pending);
    c |= b->release_uncertain && !a->release_uncertain;
    a->release_uncertain |= b->release_uncertain;
    c |= join_fact(&a->readonly, &a->readonly_at, b->readonly, b->readonly_at);
    if (a->stale == TRI_NO && b->stale)
        a->stale_by = b->stale_by;
    c |= join_fact(&a->stale, &a->stale_at, b->stale, b->stale_at);
    uint64_t around = a->wrote && b->wrote ? a->wrote_around & b->wrote_around
                                           : (a->wrote ? a->wrote_around : b->wrote_around);
    if (a->wrote == TRI_NO && b->wrote) {
        a->wrote_block = b->wrote_block;
        a->wrote_stmt = b->wrote_stmt;
    }
    if (a->wrote == TRI_NO && b->wrote)
        a->wrote_cause = b->wrote_cause;
    if (a->wrote && b->wrote)
        c |= join_writes(a, b);
    else if (b->wrote) {
        memcpy(a->wrote_also, b->wrote_also, sizeof a->wrote_also);
        memcpy(a->wrote_also_block, b->wrote_also_block, sizeof a->wrote_also_block);
        a->nwrote_also = b->nwrote_also;
        a->observed_writes = b->observed_writes;
        a->around_writes = b->around_writes;
    }
    c |= join_fact(&a->wrote, &a->wrote_at, b->wrote, b->wrote_at);
    c |= around != a->wrote_around;
    a->wrote_around = around;
    if (a->observed == TRI_NO && b->observed)
        a->observed_by = b->observed_by;
    c |= join_fact(&a->observed, &a->observed_at, b->observed, b->observed_at);
    c |= join_fact(&a->mv_wrote, &a->mv_wrote_at, b->mv_wrote, b->mv_wrote_at);
    c |= join_fact(&a->dangling, &a->dangling_at, b->dangling, b->dangling_at);
    if (b->atoms_stale && !a->atoms_stale) {
        a->atoms_stale = true;
        c = true;
    }
    if (!a->alias_stale)
        a->alias_stale_at = b->alias_stale_at;
    c |= (a->alias_stale | b->alias_stale) != a->alias_stale;
    a->alias_stale |= b->alias_stale;
    return c;
}

/* The objects some variable of a state points to, and what they derive from: an object nobody
 * holds on a path cannot be used after the paths meet, so its release there does not make it
 * "maybe released" for the paths that still hold it (p = realloc(p, n) on one branch). */
static bool *held_objects(const vc_flow *f, const vc_state *s)
{
    bool *held = xcalloc((size_t)f->nobjs + 1, sizeof *held);
    for (int p = 0; p < f->fn->nplaces && s->pts; p++) {
        const uint64_t *bits = s->pts + (size_t)p * s->words;
        for (int w = 0; w < s->words; w++)
            for (uint64_t b = bits[w]; b; b &= b - 1) {
                int o = w * 64 + __builtin_ctzll(b);
                for (int a = o; a >= 0 && a < f->nobjs && !held[a]; a = f->objs[a].parent)
                    held[a] = true;
            }
    }
    return held;
}

static bool state_join(vc_flow *f, vc_state *dst, const vc_state *src)
{
    if (!src->reachable)
        return false;
    state_fit(f, dst);
    bool changed = !dst->reachable;
    if (!dst->reachable) {
        state_copy(f, dst, src);
        return true;
    }
    if (dst->stmt != src->stmt)
        dst->stmt = UINT32_MAX;
    bool differ = false; /* who holds what only matters where the paths disagree */
    for (int o = 0; o < src->nobj && !differ; o++)
        differ = dst->obj[o].released != src->obj[o].released;
    bool *held_dst = differ ? held_objects(f, dst) : NULL;
    bool *held_src = differ ? held_objects(f, src) : NULL;
    for (int o = 0; o < src->nobj; o++) {
        if (!src->obj[o].exists) /* joins nothing */
            continue;
        if (!differ) {
            changed |= objstate_join(&dst->obj[o], &src->obj[o]);
            continue;
        }
        vc_objstate from = src->obj[o];
        if (differ && held_dst[o] && !held_src[o] && dst->obj[o].exists) {
            from.released = dst->obj[o].released; /* gone on that path: its release is moot */
            from.released_at = dst->obj[o].released_at;
            from.released_cause = dst->obj[o].released_cause;
            from.release_pending = dst->obj[o].release_pending;
            from.release_uncertain = dst->obj[o].release_uncertain;
        } else if (differ && !held_dst[o] && held_src[o] && dst->obj[o].exists &&
                   src->obj[o].exists) {
            dst->obj[o].released = src->obj[o].released;
            dst->obj[o].released_at = src->obj[o].released_at;
            dst->obj[o].released_cause = src->obj[o].released_cause;
            dst->obj[o].release_pending = src->obj[o].release_pending;
            dst->obj[o].release_uncertain = src->obj[o].release_uncertain;
        }
        changed |= objstate_join(&dst->obj[o], &from);
    }
    free(held_dst);
    free(held_src);
    for (int p = 0; p < f->fn->nplaces; p++) {
        uint64_t *d = dst->pts + (size_t)p * dst->words;
        const uint64_t *s = src->pts + (size_t)p * src->words;
        for (int w = 0; w < src->words; w++) {
            changed |= (d[w] | s[w]) != d[w];
            d[w] |= s[w];
        }
    }
    return changed;
}

static uint64_t *pts_of(vc_flow *f, int place)
{
    state_fit(f, &f->cur);
    return f->cur.pts + (size_t)place * f->cur.words;
}

static int pts_list(vc_flow *f, int place, int *out, int max)
{
    if (place < 0)
        return 0;
    const uint64_t *bits = pts_of(f, place);
    int n = 0;
    for (int w = 0; w < f->cur.words; w++)
        for (uint64_t b = bits[w]; b && n < max; b &= b - 1)
            out[n++] = w * 64 + __builtin_ctzll(b);
    return n;
}

enum { MAX_PTS = 64 };

int flow_arg_objects(vc_flow *f, const vc_instr *call, int arg, int *out, int max)
{
    if (arg < 0 || arg >= call->nargs || call->args[arg].kind != OP_PLACE)
        return 0;
    return pts_list(f, call->args[arg].place, out, max);
}

/* The place an effect argument designates: the argument itself, or `arg->path` of what it
 * points to (`s.path` when the argument is `&s`, `q->path` when it is a pointer q). */
static int effect_place(vc_flow *f, const vc_instr *call, const vc_effect_arg *arg)
{
    if (arg->param == EFFECT_GLOBAL && arg->path)
        return ir_place_find(f->fn, arg->path); /* the caller's own place for that global */
    if (arg->param < 0 || arg->param >= call->nargs || call->args[arg->param].kind != OP_PLACE)
        return -1;
    const vc_operand *op = &call->args[arg->param];
    if (!arg->path) /* &p for a pointer p: p's own slot, not what p points to */
        return op->address_of && f->fn->places[op->place].is_pointer ? -1 : op->place;
    const vc_place *base = &f->fn->places[op->place];
    char *key = xasprintf("%s%s%s", base->key, op->address_of ? "." : "->", arg->path);
    int p = ir_place_find(f->fn, key);
    free(key);
    return p;
}

int flow_effect_objects(vc_flow *f, const vc_instr *call, const vc_effect_arg *arg, int *out,
                        int max)
{
    return pts_list(f, effect_place(f, call, arg), out, max);
}

static bool weak_place(const vc_flow *f, int place)
{
    return f->fn->places[place].kind == PLACE_ELEMENT;
}

static void pts_set(vc_flow *f, int place, const int *objs, int n)
{
    uint64_t *bits = pts_of(f, place);
    if (!weak_place(f, place))
        memset(bits, 0, (size_t)f->cur.words * sizeof *bits);
    for (int i = 0; i < n; i++)
        bits[objs[i] / 64] |= 1ull << (objs[i] % 64);
}

bool flow_in_loop_around(const vc_flow *f, const vc_objstate *s, int block)
{
    for (int l = 0; l < f->fn->nback && l < 64; l++)
        if ((s->wrote_around >> l & 1) && cfg_loop_contains(f->fn, l, block))
            return true;
    return false;
}

/* ---- reporting -------------------------------------------------------------------------- */

vc_finding *flow_report(vc_flow *f, const vc_rule *rule, vc_loc at, bool may, char *message)
{
    const char *file = flow_file(f, at);
    if (!f->out || findings_has(f->out, rule->id, file, at.line)) {
        free(message);
        return NULL;
    }
    vc_finding *fd = findings_add(f->out, rule->id, rule->level, file, at, f->fn->name, message);
    fd->may = may;
    return fd;
}

void flow_note(vc_flow *f, vc_finding *finding, vc_loc at, char *message)
{
    if (finding)
        finding_note(finding, flow_file(f, at), at, message);
    else
        free(message);
}

void flow_note_cause(vc_flow *f, vc_finding *finding, const vc_effect *cause)
{
    (void)f;
    for (int i = 0; finding && cause && i < cause->ntrace; i++) {
        const vc_step *st = &cause->trace[i];
        finding_note(finding, st->file, (vc_loc){0, st->line, st->col}, xstrdup(st->message));
    }
}

/* ---- events ----------------------------------------------------------------------------- */

static void dispatch(vc_flow *f, vc_event ev)
{
    ev.block = f->block;
    if (f->summary)
        flow_track_alias_staleness(f, &ev);
    for (int r = 0; r < f->cfg->nrules; r++)
        if (f->cfg->rules[r]->on_event)
            f->cfg->rules[r]->on_event(f, &ev);
}

enum {
    SUM_READ = 1,
    SUM_WRITE = 2,
    SUM_USE = 4,
    SUM_RELEASE = 8,
    SUM_RESIZE = 16,
    SUM_READONLY = 32,
    SUM_RELEASED_EARLY = 64,
    SUM_RELEASED_BEFORE_OTHERS = 128,
    SUM_WRITTEN_BEFORE_OTHERS = 256,
};

static int bit_index(int bit)
{
    int i = 0;
    while (bit > 1) {
        bit >>= 1;
        i++;
    }
    return i;
}

/* Roots whose effects a summary reports: a parameter (or a member of its struct), a global. */
static bool summarized_root(const vc_object *x)
{
    return x->parent < 0 && ((x->kind == OBJ_PARAM && x->param_index >= 0) ||
                             (x->kind == OBJ_GLOBAL && x->param_index == EFFECT_GLOBAL));
}

static void note_param_effect(vc_flow *f, int obj, int bit, vc_loc at, const vc_effect *cause,
                              const char *callee)
{
    int root = f->objs[obj].root;
    if (!summarized_root(&f->objs[root]) || !bit)
        return;
    f->root_fx[root] |= (uint16_t)bit;
    /* parameters released or written before this use (only a summary needs it) */
    if (f->summary && (bit & (SUM_READ | SUM_WRITE | SUM_USE)))
        for (int r = 0; r < f->nroots && f->roots[r] < f->cur.nobj; r++) {
            int o = f->roots[r];
            if (o == root || !summarized_root(&f->objs[o]))
                continue;
            if (f->cur.obj[o].released)
                f->root_fx[o] |= SUM_RELEASED_BEFORE_OTHERS;
            if (f->root_fx[o] & SUM_WRITE)
                f->root_fx[o] |= SUM_WRITTEN_BEFORE_OTHERS;
        }
    first_event *fe = &f->root_first[(size_t)root * SUM_BITS + (size_t)bit_index(bit)];
    if (!fe->set && f->summary)
        *fe = (first_event){at, cause, callee, true};
}

/* Another non-temporary place holds the object too. */
static bool held_elsewhere(vc_flow *f, int obj, int place)
{
    for (int p = 0; p < f->fn->nplaces; p++) {
        if (p == place || f->fn->places[p].kind == PLACE_TEMP)
            continue;
        if (pts_of(f, p)[obj / 64] >> (obj % 64) & 1)
            return true;
    }
    return false;
}

bool flow_exclusive(vc_flow *f, int a, int b)
{
    int shared = -1;
    for (int p = 0; p < f->fn->nplaces; p++) {
        if (f->fn->places[p].kind == PLACE_TEMP)
            continue;
        const uint64_t *bits = pts_of(f, p);
        bool has_a = bits[a / 64] >> (a % 64) & 1, has_b = bits[b / 64] >> (b % 64) & 1;
        if (!has_a && !has_b)
            continue;
        if (!has_a || !has_b || shared >= 0 || weak_place(f, p))
            return false;
        shared = p;
    }
    return shared >= 0;
}

static void events_for(vc_flow *f, int place, vc_event_kind kind, const vc_instr *at,
                       const vc_effect *cause, bool effect_may)
{
    vc_loc loc = at->loc;
    uint32_t stmt = at->stmt;
    int objs[MAX_PTS];
    int n = pts_list(f, place, objs, MAX_PTS);
    static const int bits[] = {[EV_READ] = SUM_READ,
                               [EV_WRITE] = SUM_WRITE,
                               [EV_USE] = SUM_USE,
                               [EV_RELEASE] = SUM_RELEASE,
                               [EV_CREATE] = 0};
    for (int i = 0; i < n; i++) {
        if (kind == EV_RELEASE && f->objs[f->objs[objs[i]].root].array_storage)
            continue; /* the path where it points to an array variable is not the freeing one */
        note_param_effect(f, objs[i], bits[kind], loc, cause,
                          cause && at->kind == I_CALL ? at->callee_name : NULL);
        /* with several candidates, a handle only this place holds is the one on its paths */
        bool may = effect_may || f->refusing == REFUSE_MAYBE ||
                   (n > 1 && (weak_place(f, place) || held_elsewhere(f, objs[i], place)));
        vc_event ev = {kind,
                       objs[i],
                       may,
                       loc,
                       stmt,
                       0,
                       cause,
                       cause && at->kind == I_CALL ? at->callee_name : NULL,
                       weak_place(f, place),
                       f->refusing == REFUSE_SURE};
        dispatch(f, ev);
    }
}

enum { TWIN_LIMIT = 1000, CANONICAL_LIMIT = 300 };

/* A copy of object `o`'s identity hanging under `parent`: the older generation of a handle whose
 * site runs again (a loop) while the previous one is still held. Past TWIN_LIMIT objects (views
 * of views re-made in a loop multiply the generations), one older generation per object and
 * array, under the first parent it had there. */
static int twin(vc_flow *f, int o, int parent)
{
    char key[64];
    int root = parent >= 0 ? f->objs[parent].root : -1; /* never another array's */
    if (f->nobjs > TWIN_LIMIT)
        snprintf(key, sizeof key, "twin:%d:r%d", o, root);
    else
        snprintf(key, sizeof key, "twin:%d:%d", o, parent);
    int id = strmap_get(&f->obj_index, key);
    if (id >= 0)
        return id;
    snprintf(key, sizeof key, "twin:%d:%d", o, parent);
    id = strmap_get(&f->obj_index, key);
    if (id >= 0)
        return id;
    bool fresh;
    char name[32];
    snprintf(name, sizeof name, "#%d", f->nobjs);
    id = object_get(f, INT32_MIN + f->nobjs, parent, f->objs[o].kind, name, &fresh);
    strmap_put(&f->obj_index, key, id);
    snprintf(key, sizeof key, "twin:%d:r%d", o, root);
    if (strmap_get(&f->obj_index, key) < 0)
        strmap_put(&f->obj_index, key, id);
    vc_object *t = &f->objs[id], *src = &f->objs[o];
    t->twin = true;
    free(t->name);
    t->name = xstrdup(src->name);
    t->site = src->site;
    t->created = src->created;
    t->region = src->region;
    t->readonly_view = src->readonly_view;
    t->layout = src->layout;
    t->offset = src->offset;
    t->param_index = src->param_index;
    t->elements = src->elements;
    t->array_storage = src->array_storage;
    t->list_node = src->list_node;
    if (src->path && !t->path)
        t->path = xstrdup(src->path);
    if (parent < 0) {
        t->root = id;
        t->ref = id;
    }
    return id;
}

/* Past CANONICAL_LIMIT objects, a handle made here from a derived handle made at site T hangs under
 * the first such handle of T (the same handle, by flow_same_handle), with a region anywhere in
 * the array: views of views re-made in loops do not multiply with every generation. */
static bool canonical(const vc_flow *f, int parent)
{
    return f->nobjs > CANONICAL_LIMIT && f->objs[parent].parent >= 0;
}

static int canonical_parent(vc_flow *f, int site, int parent)
{
    if (!canonical(f, parent))
        return parent;
    char key[64];
    snprintf(key, sizeof key, "canon:%d:%d:%d", site, f->objs[parent].site,
             (int)f->objs[parent].kind);
    int first = strmap_get(&f->obj_index, key);
    if (first >= 0 && f->objs[first].root == f->objs[parent].root)
        return first;
    if (first < 0)
        strmap_put(&f->obj_index, key, parent);
    return parent;
}

static bool held(vc_flow *f, int o)
{
    for (int p = 0; p < f->fn->nplaces; p++)
        if (pts_of(f, p)[o / 64] >> (o % 64) & 1)
            return true;
    return false;
}

/* Moves `o` and the handles derived from it to their twins under `parent`: the places that
 * hold them now hold the older generation, with its facts, and `o` is free to start anew. */
static void retire(vc_flow *f, int o, int parent, int depth)
{
    int old = twin(f, o, parent);
    state_fit(f, &f->cur);
    vc_objstate *so = &f->cur.obj[o], *sold = &f->cur.obj[old];
    if (sold->exists && held(f, old)) /* two older generations alive: one abstract handle */
        objstate_join(sold, so);
    else /* the one before is gone: its facts (a release) are not this one's */
        *sold = *so;
    for (int p = 0; p < f->fn->nplaces; p++) {
        uint64_t *bits = pts_of(f, p);
        if (bits[o / 64] >> (o % 64) & 1) {
            bits[o / 64] &= ~(1ull << (o % 64));
            bits[old / 64] |= 1ull << (old % 64);
        }
    }
    for (int d = 0; d < f->nobjs && depth < 8; d++)
        if (d != o && f->objs[d].parent == o && f->cur.obj[d].exists)
            retire(f, d, old, depth + 1);
}

static bool needs_retiring(vc_flow *f, int o)
{
    if (!flow_state(f, o)->exists)
        return false;
    if (held(f, o))
        return true;
    for (int d = 0; d < f->nobjs; d++)
        if (d != o && f->objs[d].parent == o && f->cur.obj[d].exists && held(f, d))
            return true;
    return false;
}

static void create(vc_flow *f, int obj, bool readonly, bool may_readonly)
{
    if (needs_retiring(f, obj))
        retire(f, obj, f->objs[obj].parent, 0);
    vc_objstate *s = flow_state(f, obj);
    memset(s, 0, sizeof *s);
    s->exists = TRI_MUST;
    const vc_object *o = &f->objs[obj];
    if (o->parent >= 0) {
        const vc_objstate *ps = flow_state(f, o->parent);
        s->readonly = ps->readonly;
        s->readonly_at = ps->readonly_at;
    }
    if (readonly) {
        s->readonly = may_readonly ? TRI_MAY : TRI_MUST;
        s->readonly_at = o->created;
    }
    vc_event ev = {EV_CREATE, obj, false, o->created, 0, 0, NULL, NULL, false, false};
    dispatch(f, ev);
}

/* ---- instructions ----------------------------------------------------------------------- */

/* The instruction, not its source position: every statement of one macro expansion has the
 * expansion's position, and its allocations are distinct objects all the same. */
static int site_of(const vc_flow *f, const vc_instr *in)
{
    (void)f;
    return (int)in->seq * 4;
}

static const char *display_name(const vc_flow *f, int place)
{
    return f->fn->places[place].name;
}

static void rename_objects(vc_flow *f, int place)
{
    const vc_place *p = &f->fn->places[place];
    if (p->kind == PLACE_TEMP)
        return;
    int objs[MAX_PTS];
    int n = pts_list(f, place, objs, MAX_PTS);
    for (int i = 0; i < n; i++) {
        vc_object *o = &f->objs[objs[i]];
        if (strpbrk(o->name, "( ")) { /* a call's or an offset's: the variable names it now */
            free(o->name);
            o->name = xstrdup(p->name);
        }
    }
}

/* Past this many objects in one function, copies and pointer arithmetic derive from the block
 * under the chain of copies and offsets, not from its last link: cursors moved in loops (suffix
 * sorting) otherwise build a new object per step. A bound on the work; regions get coarser. */
enum { OFFSET_CHAIN_LIMIT = 1000 };

static int chain_base(const vc_flow *f, int o)
{
    while (f->objs[o].kind == OBJ_COPY && f->objs[o].parent >= 0)
        o = f->objs[o].parent;
    return o;
}

static void derive(vc_flow *f, const vc_instr *in, vc_object_kind kind)
{
    int parents[MAX_PTS], made[MAX_PTS];
    int n = pts_list(f, in->src, parents, MAX_PTS);
    for (int i = 0; i < n; i++) {
        bool fresh;
        const char *name = f->fn->places[in->dst].kind == PLACE_TEMP ? display_name(f, in->src)
                                                                     : display_name(f, in->dst);
        int parent = parents[i];
        if (kind == OBJ_COPY && f->objs[parent].kind == OBJ_COPY && f->objs[parent].parent >= 0 &&
            !f->objs[parent].offset)
            parent = f->objs[parent].parent; /* a copy of a copy is a copy: chains stay short */
        if (kind == OBJ_COPY && f->nobjs > OFFSET_CHAIN_LIMIT)
            parent = chain_base(f, parent);
        made[i] = object_get(f, site_of(f, in), parent, kind, name, &fresh);
        if (fresh) {
            f->objs[made[i]].created = in->loc;
            if (kind == OBJ_DATA)
                f->objs[made[i]].region = region_inexact(f->objs[made[i]].region);
        }
        create(f, made[i], false, false);
    }
    pts_set(f, in->dst, made, n);
}

/* p + k: the same array (a copy of the handle) whose region starts k elements later. */
static void derive_offset(vc_flow *f, const vc_instr *in)
{
    int parents[MAX_PTS], made[MAX_PTS];
    int n = pts_list(f, in->src, parents, MAX_PTS);
    const vc_operand *k = in->nargs > 0 ? &in->args[0] : NULL;
    for (int i = 0; i < n; i++) {
        bool fresh;
        int parent = parents[i];
        bool collapse = f->nobjs > OFFSET_CHAIN_LIMIT && f->objs[parent].kind == OBJ_COPY;
        if (collapse)
            parent = chain_base(f, parent); /* p + k of (q + j): somewhere in q's block */
        made[i] = object_get(f, site_of(f, in), parent, OBJ_COPY, display_name(f, in->dst), &fresh);
        vc_object *o = &f->objs[made[i]];
        if (fresh) {
            o->created = in->loc;
            o->offset = true;
            bool raw = flow_is_raw_buffer(f, parent) && k && k->has_bound && !collapse;
            o->region = raw ? region_slice_bounds(f->objs[parent].region, 0, true, k->bound,
                                                  bound_const(VC_TO_END), 1, true)
                            : region_inexact(f->objs[parent].region);
        }
        create(f, made[i], false, false);
    }
    pts_set(f, in->dst, made, n);
}

static void storage(vc_flow *f, const vc_instr *in)
{
    bool fresh;
    /* q = &p: the slot of variable p, one object per variable (not per source position: two
     * slots taken in one macro expansion are two objects) */
    int site = in->src >= 0 ? -(1 << 24) - in->src : site_of(f, in);
    int o = object_get(f, site, -1, OBJ_STORAGE, display_name(f, in->dst), &fresh);
    f->objs[o].created = in->loc;
    f->objs[o].layout = LAYOUT_CONTIGUOUS;
    f->objs[o].array_storage = true;
    create(f, o, false, false);
    pts_set(f, in->dst, &o, 1);
}

static void transfer_return(vc_flow *f, const vc_instr *in)
{
    int objs[MAX_PTS];
    int n = pts_list(f, in->src, objs, MAX_PTS);
    f->returns_something |= in->src >= 0;
    for (int i = 0; i < n; i++) {
        if (objs[i] / 64 >= f->returned_words) {
            int words = objs[i] / 64 + 1;
            f->returned = xrealloc(f->returned, (size_t)words * sizeof *f->returned);
            memset(f->returned + f->returned_words, 0,
                   (size_t)(words - f->returned_words) * sizeof *f->returned);
            f->returned_words = words;
        }
        f->returned[objs[i] / 64] |= 1ull << (objs[i] % 64);
    }
}

void flow_apply_call(vc_flow *f, const vc_instr *in);

/* p now points elsewhere: what p->f and p[] held is not what they hold now. Each gets an
 * unknown handle of its own (a list walk `e = e->next` must not see the old e->next). */
static void reset_members(vc_flow *f, const vc_instr *in, int p, int depth)
{
    if (p < 0 || !f->fn->places[p].is_pointer || depth > 4)
        return;
    for (int q = 0; q < f->fn->nplaces; q++) {
        const vc_place *pl = &f->fn->places[q];
        if (pl->base != p || q == p || !(pl->is_pointer || pl->is_array))
            continue;
        bool through = pl->kind == PLACE_ELEMENT || strstr(pl->key, "->") != NULL;
        if (!through)
            continue;
        bool fresh;
        int o =
            object_get(f, site_of(f, in) * 64 + 33 + q % 29, -2 - q, OBJ_OWNER, pl->name, &fresh);
        f->objs[o].created = in->loc;
        f->objs[o].list_node = pl->self_link;
        create(f, o, pl->const_target, false);
        uint64_t *bits = pts_of(f, q);
        memset(bits, 0, (size_t)f->cur.words * sizeof *bits);
        bits[o / 64] |= 1ull << (o % 64);
        reset_members(f, in, q, depth + 1);
    }
}

static void transfer_one(vc_flow *f, const vc_instr *in);

/* A statement begins: the temporaries of the ones before are dead (a pointer computed for a
 * memset last iteration must not keep that iteration's block held). */
static void new_statement(vc_flow *f, uint32_t stmt)
{
    if (f->cur.stmt == stmt)
        return;
    f->cur.stmt = stmt;
    for (int p = 0; p < f->fn->nplaces; p++)
        if (f->fn->places[p].kind == PLACE_TEMP)
            memset(pts_of(f, p), 0, (size_t)f->cur.words * sizeof(uint64_t));
}

static void transfer(vc_flow *f, const vc_instr *in)
{
    new_statement(f, in->stmt);
    transfer_one(f, in);
    bool assigns = in->kind == I_ASSIGN_COPY || in->kind == I_ASSIGN_OFFSET ||
                   in->kind == I_ASSIGN_MOVE || in->kind == I_ASSIGN_ADDR || in->kind == I_CLEAR ||
                   (in->kind == I_CALL && in->dst >= 0);
    if (assigns && in->dst >= 0 && f->fn->places[in->dst].kind != PLACE_TEMP)
        reset_members(f, in, in->dst, 0);
}

static void transfer_one(vc_flow *f, const vc_instr *in)
{
    switch (in->kind) {
    case I_ASSIGN_COPY:
        derive(f, in, OBJ_COPY);
        break;
    case I_ASSIGN_OFFSET:
        derive_offset(f, in);
        break;
    case I_ASSIGN_MOVE:
    case I_ASSIGN_ADDR: {
        int objs[MAX_PTS];
        int n = pts_list(f, in->src, objs, MAX_PTS);
        pts_set(f, in->dst, objs, n);
        rename_objects(f, in->dst);
        if (f->fn->places[in->src].kind == PLACE_TEMP)
            pts_set(f, in->src, NULL, 0); /* a temporary is used once */
        break;
    }
    case I_CLEAR:
        pts_set(f, in->dst, NULL, 0);
        break;
    case I_READ:
        events_for(f, in->src, EV_READ, in, NULL, false);
        break;
    case I_WRITE:
        events_for(f, in->src, EV_WRITE, in, NULL, false);
        break;
    case I_USE:
        events_for(f, in->src, EV_USE, in, NULL, false);
        break;
    case I_RETURN:
        transfer_return(f, in);
        break;
    case I_DECL_STORAGE:
        storage(f, in);
        break;
    case I_CALL:
        flow_apply_call(f, in);
        break;
    case I_SCALAR_SET:
        for (int o = 0; o < f->nobjs; o++) /* regions naming the variable describe old values */
            if (region_mentions(&f->objs[o].region, in->dst) && flow_state(f, o)->exists)
                flow_state(f, o)->atoms_stale = true;
        break;
    }
}

/* ---- calls -------------------------------------------------------------------------------- */

/* A model that names a parameter its function's declaration lacks is ignored, once said. */
static void warn_bad_model(const vc_model *m, const char *bad)
{
    static strmap warned;
    static bool ready;
    if (!ready) {
        strmap_init(&warned);
        ready = true;
    }
    if (strmap_get(&warned, m->function) >= 0)
        return;
    strmap_put(&warned, m->function, 1);
    fprintf(stderr,
            "viewcheck: warning: %s: the model of '%s' names '%s', which is not a parameter of "
            "its declaration; the model is not used\n",
            m->origin, m->function, bad);
}

static const vc_model *call_model(vc_flow *f, const vc_instr *in)
{
    if (in->callee < 0)
        return program_summary(f->program, f->unit, in); /* through a pointer: candidates */
    vc_function *callee = f->unit->functions[in->callee];
    vc_model *m = f->cfg->models ? model_set_get(f->cfg->models, callee->name) : NULL;
    const char *bad;
    if (m && model_resolve(m, callee->param_names, callee->nparams, &bad))
        return m;
    if (m)
        warn_bad_model(m, bad);
    m = model_set_get(f->unit->declared, callee->name);
    if (m && m->neffects)
        return m;
    return program_summary(f->program, f->unit, in);
}

static int effect_param(const vc_effect *e, int arg)
{
    return e->args[arg].param;
}

bool flow_effect_value(const vc_instr *in, const vc_effect *e, int arg, int64_t *value)
{
    const vc_effect_arg *a = &e->args[arg];
    if (a->param < 0) {
        *value = a->value;
        return a->literal;
    }
    if (a->param >= in->nargs || !in->args[a->param].has_value)
        return false;
    *value = in->args[a->param].value;
    return true;
}

/* An effect's value argument as a bound: a constant, or c + k * variable at this call. */
static bool effect_bound(const vc_instr *in, const vc_effect *e, int arg, vc_bound *out)
{
    int64_t v;
    if (flow_effect_value(in, e, arg, &v)) {
        *out = bound_const(v == INT64_MAX ? VC_TO_END : v);
        return true;
    }
    const vc_effect_arg *a = &e->args[arg];
    if (a->param < 0 || a->param >= in->nargs || !in->args[a->param].has_bound)
        return false;
    *out = in->args[a->param].bound;
    return true;
}

/* b: axis, offset, count, stride; k: which of them are known */
static vc_region span_region(vc_region r, const vc_bound b[4], const bool k[4], bool axis_known,
                             bool step_known)
{
    if (!k[1] || !step_known || b[3].c <= 0)
        return region_slice_bounds(r, b[0].c, axis_known, b[1], b[1], 1, false);
    vc_bound count, stop;
    if (k[2] && bound_scale(b[2], b[3].c, &count) && region_bound_add(b[1], count, &stop))
        return region_slice_bounds(r, b[0].c, axis_known, b[1], stop, b[3].c, true);
    return region_slice_from(r, b[0].c, axis_known, b[1], b[3].c);
}

static vc_region result_region(const vc_instr *in, const vc_model *m, vc_region r, bool *same)
{
    *same = false;
    bool any = false;
    for (int i = 0; i < m->neffects; i++) {
        const vc_effect *e = &m->effects[i];
        vc_bound b[4] = {bound_const(0), bound_const(0), bound_const(1), bound_const(0)};
        bool k[4] = {false, false, false, false};
        for (int a = 1; a < e->nargs && a < 5; a++)
            k[a - 1] = effect_bound(in, e, a, &b[a - 1]);
        bool axis_known = k[0] && bound_is_const(b[0]), step_known = k[3] && bound_is_const(b[3]);
        switch (e->kind) {
        case FX_REGION_SLICE:
            if (step_known && b[3].c < 0)
                k[1] = false; /* negative steps walk backwards: not described */
            if (k[1] && !k[2] && step_known && b[3].c > 0)
                r = region_slice_from(r, b[0].c, axis_known, b[1], b[3].c);
            else
                r = region_slice_bounds(r, b[0].c, axis_known, b[1], b[2], b[3].c,
                                        k[1] && k[2] && step_known);
            any = true;
            break;
        case FX_REGION_INDEX:
            r = region_index_bound(r, b[0].c, axis_known, b[1], k[1]);
            any = true;
            break;
        case FX_REGION_SPAN: /* count elements from offset, every stride-th */
            r = span_region(r, b, k, axis_known, step_known);
            any = true;
            break;
        case FX_REGION_TRANSPOSE:
            r = region_transpose(r);
            any = true;
            break;
        case FX_REGION_SAME:
            *same = true;
            any = true;
            break;
        default:
            break;
        }
    }
    return any ? r : region_inexact(r);
}

static const vc_effect *effect_of(const vc_model *m, vc_effect_kind k)
{
    for (int i = 0; m && i < m->neffects; i++)
        if (m->effects[i].kind == k)
            return &m->effects[i];
    return NULL;
}

static int result_ndim(const vc_instr *in, const vc_model *m)
{
    const vc_effect *e = effect_of(m, FX_RESULT_NDIM);
    int64_t n;
    return e && flow_effect_value(in, e, 0, &n) && n >= 0 && n <= VC_MAXDIMS ? (int)n : -1;
}

/* The layout of a view made by the model's region effects from a parent of layout `from`. */
static vc_layout view_layout(const vc_instr *in, const vc_model *m, vc_layout from, int ndim)
{
    for (int i = 0; m && i < m->neffects; i++) {
        const vc_effect *e = &m->effects[i];
        int64_t v[4] = {0, 0, 0, 0};
        bool k[4] = {false, false, false, false};
        for (int a = 1; a < e->nargs && a < 5; a++)
            k[a - 1] = flow_effect_value(in, e, a, &v[a - 1]);
        switch (e->kind) {
        case FX_REGION_SAME:
            return from;
        case FX_REGION_TRANSPOSE:
            if (ndim >= 0 && ndim <= 1)
                return from;
            return from == LAYOUT_CONTIGUOUS   ? LAYOUT_TRANSPOSED
                   : from == LAYOUT_TRANSPOSED ? LAYOUT_CONTIGUOUS
                                               : LAYOUT_UNKNOWN;
        case FX_REGION_SLICE: {
            if (from != LAYOUT_CONTIGUOUS)
                return from == LAYOUT_UNKNOWN ? LAYOUT_UNKNOWN : LAYOUT_STRIDED;
            if (!k[0] || !k[3])
                return LAYOUT_UNKNOWN;
            bool whole = k[1] && k[2] && v[1] == 0 && v[2] == INT64_MAX;
            if (v[3] == 1 && (v[0] == 0 || whole))
                return LAYOUT_CONTIGUOUS;
            return v[3] != 1 || ndim > 1 ? LAYOUT_STRIDED : LAYOUT_UNKNOWN;
        }
        case FX_REGION_INDEX:
            if (from != LAYOUT_CONTIGUOUS || !k[0])
                return from == LAYOUT_UNKNOWN ? LAYOUT_UNKNOWN : LAYOUT_STRIDED;
            return v[0] == 0 || ndim == 1 ? LAYOUT_CONTIGUOUS : LAYOUT_STRIDED;
        default:
            break;
        }
    }
    return LAYOUT_UNKNOWN;
}

typedef enum { RESOLVED_MAYBE, RESOLVED_VIEW, RESOLVED_COPY, RESOLVED_SAME } resolution;

/* A maybe-view whose source layout is known is a view, a copy, or the source itself. */
static resolution resolve_maybe_view(const vc_model *m, vc_layout source)
{
    if (source == LAYOUT_UNKNOWN)
        return RESOLVED_MAYBE;
    bool contiguous = source == LAYOUT_CONTIGUOUS;
    if (effect_of(m, FX_SAME_IF_CONTIGUOUS))
        return contiguous ? RESOLVED_SAME : RESOLVED_COPY;
    if (effect_of(m, FX_COPY_UNLESS_CONTIGUOUS))
        return contiguous ? RESOLVED_VIEW : RESOLVED_COPY;
    if (effect_of(m, FX_VIEW_IF_CONTIGUOUS))
        return contiguous                    ? RESOLVED_VIEW
               : source == LAYOUT_TRANSPOSED ? RESOLVED_COPY
                                             : RESOLVED_MAYBE;
    return RESOLVED_MAYBE;
}

static int fresh_result(vc_flow *f, const vc_instr *in, const vc_model *m, int key, bool known)
{
    bool fresh;
    int o = object_get(f, site_of(f, in) + key, -1, OBJ_OWNER, display_name(f, in->dst), &fresh);
    if (fresh) { /* an object's region never changes once made (relations are cached) */
        f->objs[o].created = in->loc;
        f->objs[o].region = region_whole(result_ndim(in, m));
        f->objs[o].layout = known ? LAYOUT_CONTIGUOUS : LAYOUT_UNKNOWN;
    }
    create(f, o, false, false);
    return o;
}

/* Where a call's result handle goes: its destination, or the member of the struct returned by
 * value that holds it (GSL: `gsl_vector_view v = gsl_matrix_row(m, i)` puts it in v.vector). */
static int result_place(const vc_flow *f, const vc_instr *in, const vc_effect *ret)
{
    if (!ret || !ret->field || f->fn->places[in->dst].is_pointer)
        return in->dst;
    char *key = xasprintf("%s.%s", f->fn->places[in->dst].key, ret->field);
    int p = ir_place_find(f->fn, key);
    free(key);
    return p >= 0 ? p : in->dst;
}

/* The result is the handle one of several arguments is (summarize_aliases). */
static void result_of_aliases(vc_flow *f, const vc_instr *in, const vc_model *m)
{
    int all[MAX_PTS], n = 0;
    for (int i = 0; i < m->neffects; i++) {
        if (m->effects[i].kind != FX_RETURNS_ALIAS)
            continue;
        int objs[MAX_PTS];
        int k = flow_effect_objects(f, in, &m->effects[i].args[0], objs, MAX_PTS);
        for (int j = 0; j < k && n < MAX_PTS; j++) {
            bool dup = false;
            for (int x = 0; x < n && !dup; x++)
                dup = all[x] == objs[j];
            if (!dup)
                all[n++] = objs[j];
        }
    }
    pts_set(f, result_place(f, in, NULL), all, n);
}

static void make_result(vc_flow *f, const vc_instr *in, const vc_model *m)
{
    if (in->dst < 0)
        return;
    const vc_effect *ret = NULL;
    int aliases = 0, returns = 0;
    for (int i = 0; m && i < m->neffects; i++) {
        if (m->effects[i].kind <= FX_RETURNS_DATA) {
            ret = &m->effects[i];
            returns++;
            aliases += ret->kind == FX_RETURNS_ALIAS;
        }
    }
    if (returns > 1 && aliases == returns) {
        result_of_aliases(f, in, m);
        return;
    }
    const char *name = display_name(f, in->dst);
    int made[MAX_PTS], n = 0;
    bool fresh;
    if (!ret || ret->kind == FX_RETURNS_FRESH ||
        (effect_param(ret, 0) < 0 && effect_param(ret, 0) != EFFECT_GLOBAL)) {
        made[n++] = fresh_result(f, in, m, 0, ret && ret->kind == FX_RETURNS_FRESH);
        pts_set(f, result_place(f, in, ret), made, n);
        return;
    }
    int parents[MAX_PTS];
    int np = flow_effect_objects(f, in, &ret->args[0], parents, MAX_PTS);
    if (ret->kind == FX_RETURNS_ALIAS) {
        pts_set(f, result_place(f, in, ret), parents, np);
        return;
    }
    static const vc_object_kind kinds[] = {[FX_RETURNS_VIEW] = OBJ_VIEW,
                                           [FX_RETURNS_READONLY_VIEW] = OBJ_VIEW,
                                           [FX_RETURNS_MAYBE_VIEW] = OBJ_MAYBE_VIEW,
                                           [FX_RETURNS_SAME] = OBJ_RETAINED,
                                           [FX_RETURNS_DATA] = OBJ_DATA};
    /* resolved only when every source the handle may be resolves the same way: a view on one
     * path and a copy on another is what a maybe-view is */
    resolution how = RESOLVED_MAYBE;
    for (int i = 0; i < np && ret->kind == FX_RETURNS_MAYBE_VIEW; i++) {
        resolution r = resolve_maybe_view(m, (vc_layout)f->objs[parents[i]].layout);
        how = i == 0 || r == how ? r : RESOLVED_MAYBE;
        if (how == RESOLVED_MAYBE)
            break;
    }
    for (int i = 0; i < np; i++) {
        vc_object_kind kind = kinds[ret->kind];
        if (how == RESOLVED_COPY) { /* proven copy: nothing of the source changes through it */
            made[n++] = fresh_result(f, in, m, 1, true);
            continue;
        }
        kind = how == RESOLVED_VIEW ? OBJ_VIEW : how == RESOLVED_SAME ? OBJ_RETAINED : kind;
        int parent = canonical_parent(f, site_of(f, in), parents[i]);
        made[n] = object_get(f, site_of(f, in), parent, kind, name, &fresh);
        vc_object *o = &f->objs[made[n]];
        if (fresh) {
            bool same = ret->kind == FX_RETURNS_SAME;
            o->created = in->loc;
            vc_region r = f->objs[parents[i]].region;
            if (ret->kind == FX_RETURNS_VIEW || ret->kind == FX_RETURNS_READONLY_VIEW ||
                ret->kind == FX_RETURNS_MAYBE_VIEW)
                r = ret->has_region && region_is_whole(&r) ? ret->region
                                                           : result_region(in, m, r, &same);
            o->region = parent != parents[i] || canonical(f, parent) ? region_inexact(r) : r;
            o->readonly_view = ret->kind == FX_RETURNS_READONLY_VIEW;
            vc_layout from = (vc_layout)f->objs[parents[i]].layout;
            o->layout = (uint8_t)(kind == OBJ_RETAINED || kind == OBJ_COPY ? from
                                  : how == RESOLVED_VIEW                   ? LAYOUT_CONTIGUOUS
                                  : kind == OBJ_VIEW
                                      ? view_layout(in, m, from, f->objs[parents[i]].region.ndim)
                                      : LAYOUT_UNKNOWN);
            if (how == RESOLVED_VIEW) {
                o->region.axes_known = false; /* the same elements under new axes */
                o->region.ndim = result_ndim(in, m);
            }
        }
        create(f, made[n], o->readonly_view, ret->may);
        n++;
    }
    pts_set(f, result_place(f, in, ret), made, n);
}

static void set_readonly(vc_flow *f, const vc_instr *in, const vc_effect *e)
{
    int64_t flag = 0;
    bool readonly =
        e->kind == FX_MAKES_READONLY || (flow_effect_value(in, e, 1, &flag) && flag == 0);
    bool unknown = e->kind == FX_SETS_WRITEABLE && !flow_effect_value(in, e, 1, &flag);
    int objs[MAX_PTS];
    int n = flow_effect_objects(f, in, &e->args[0], objs, MAX_PTS);
    for (int i = 0; i < n; i++) {
        vc_objstate *s = flow_state(f, objs[i]);
        if (readonly || unknown) {
            s->readonly = (unknown || n > 1) ? TRI_MAY : TRI_MUST;
            s->readonly_at = in->loc;
            note_param_effect(f, objs[i], SUM_READONLY, in->loc, NULL, NULL);
        } else if (!f->objs[objs[i]].readonly_view) {
            s->readonly = TRI_NO;
        }
    }
}

/* After a resize the memory moved: raw pointers into it dangle. */
static void resized(vc_flow *f, const vc_instr *in, const vc_effect_arg *arg)
{
    int objs[MAX_PTS];
    int n = flow_effect_objects(f, in, arg, objs, MAX_PTS);
    for (int o = 0; o < f->nobjs; o++) /* references the callee gave up before resizing */
        if (f->objs[o].kind == OBJ_PARAM && flow_state(f, o)->released)
            f->root_fx[o] |= SUM_RELEASED_EARLY;
    for (int i = 0; i < n; i++) {
        note_param_effect(f, objs[i], SUM_RESIZE, in->loc, NULL, NULL);
        for (int o = f->objs[objs[i]].root; o >= 0; o = f->next_in_root[o]) {
            vc_objstate *s = flow_state(f, o);
            if (f->objs[o].kind == OBJ_DATA && s->exists) {
                s->dangling = tri_set(n > 1);
                s->dangling_at = in->loc;
            }
        }
    }
}

static bool effect_on(const vc_model *m, vc_effect_kind k, int arg)
{
    for (int i = 0; m && i < m->neffects; i++)
        if (m->effects[i].kind == k && m->effects[i].args[0].param == arg &&
            !m->effects[i].args[0].path)
            return true;
    return false;
}

/* An effect of kind k on `arg` (and on `second` too, unless it is -1). */
static bool effect_on_pair(const vc_model *m, vc_effect_kind k, int arg, int second)
{
    for (int i = 0; m && i < m->neffects; i++)
        if (m->effects[i].kind == k && m->effects[i].args[0].param == arg &&
            !m->effects[i].args[0].path &&
            (second < 0 || (m->effects[i].nargs > 1 && m->effects[i].args[1].param == second)))
            return true;
    return false;
}

static bool mentions_param(const vc_model *m, int param)
{
    for (int i = 0; i < m->neffects; i++)
        for (int k = 0; k < m->effects[i].nargs; k++)
            if (m->effects[i].args[k].param == param && !m->effects[i].args[k].literal)
                return true;
    return false;
}

static void args_events(vc_flow *f, const vc_instr *in, const vc_model *m, vc_effect_kind k,
                        vc_event_kind ev, bool early)
{
    if (!m) {
        if (early)
            return;
        bool hit = (k == FX_READS && !f->cfg->unknown_calls_write) ||
                   (k == FX_WRITES && f->cfg->unknown_calls_write);
        for (int a = 0; a < in->nargs && hit; a++)
            if (in->args[a].kind == OP_PLACE)
                events_for(f, in->args[a].place, ev, in, NULL, false);
        return;
    }
    for (int i = 0; i < m->neffects; i++) {
        if (m->effects[i].kind != k || m->effects[i].early != early)
            continue;
        int place = effect_place(f, in, &m->effects[i].args[0]);
        if (place >= 0)
            events_for(f, place, ev, in, m->effects[i].ntrace ? &m->effects[i] : NULL,
                       m->effects[i].may);
    }
}

static bool moving_argument(const vc_flow *f, const vc_instr *in, const vc_effect_arg *arg)
{
    if (arg->param < 0 || arg->param >= in->nargs || in->args[arg->param].kind != OP_PLACE)
        return false;
    return f->fn->places[in->args[arg->param].place].moves;
}

static void record_contracts(vc_flow *f, const vc_instr *in, const vc_model *m)
{
    for (int i = 0; m && i < m->neffects; i++) {
        const vc_effect *e = &m->effects[i];
        if (e->kind != FX_NO_PARTIAL_OVERLAP && e->kind != FX_NO_OVERLAP &&
            e->kind != FX_STALE_READ)
            continue;
        if (moving_argument(f, in, &e->args[0]) || moving_argument(f, in, &e->args[1]))
            continue; /* a contract on a cursor covers a window of the caller's buffer */
        int a[MAX_PTS], b[MAX_PTS];
        int na = flow_effect_objects(f, in, &e->args[0], a, MAX_PTS);
        int nb = flow_effect_objects(f, in, &e->args[1], b, MAX_PTS);
        for (int x = 0; x < na; x++) {
            for (int y = 0; y < nb; y++) {
                const vc_object *ra = &f->objs[f->objs[a[x]].root],
                                *rb = &f->objs[f->objs[b[y]].root];
                if (ra->kind != OBJ_PARAM || rb->kind != OBJ_PARAM || ra == rb || !f->summary ||
                    effect_on_pair(f->summary, e->kind, ra->param_index,
                                   e->kind == FX_STALE_READ ? rb->param_index : -1))
                    continue;
                vc_effect fx = {.kind = e->kind, .nargs = 2};
                fx.args[0].param = ra->param_index;
                fx.args[1].param = rb->param_index;
                fx.args[0].path = ra->path ? xstrdup(ra->path) : NULL;
                fx.args[1].path = rb->path ? xstrdup(rb->path) : NULL;
                if (e->kind == FX_STALE_READ)
                    flow_stale_read_passed(f, in, e, &fx);
                model_add_effect(f->summary, fx);
            }
        }
    }
}

/* A callee left new handles in members of the caller's structs. */
static void apply_stores(vc_flow *f, const vc_instr *in, const vc_model *m)
{
    static const vc_object_kind kinds[] = {[FX_RETURNS_VIEW] = OBJ_VIEW,
                                           [FX_RETURNS_READONLY_VIEW] = OBJ_VIEW,
                                           [FX_RETURNS_MAYBE_VIEW] = OBJ_MAYBE_VIEW,
                                           [FX_RETURNS_SAME] = OBJ_RETAINED,
                                           [FX_RETURNS_DATA] = OBJ_DATA,
                                           [FX_RETURNS_ALIAS] = OBJ_COPY};
    for (int i = 0; m && i < m->neffects; i++) {
        const vc_effect *e = &m->effects[i];
        int dst = e->kind == FX_STORES ? effect_place(f, in, &e->args[0]) : -1;
        if (dst < 0)
            continue;
        int parents[MAX_PTS], made[MAX_PTS], n = 0;
        int np = e->as == FX_RETURNS_FRESH
                     ? 0
                     : flow_effect_objects(f, in, &e->args[1], parents, MAX_PTS);
        int site = site_of(f, in) * 64 + 1 + i % 63;
        bool fresh;
        if (np == 0) {
            made[n] = object_get(f, site, -1, OBJ_OWNER, f->fn->places[dst].name, &fresh);
            f->objs[made[n]].created = in->loc;
            create(f, made[n++], false, false);
        }
        for (int k = 0; k < np; k++) {
            made[n] =
                object_get(f, site, parents[k], kinds[e->as], f->fn->places[dst].name, &fresh);
            if (fresh) {
                f->objs[made[n]].created = in->loc;
                f->objs[made[n]].region = region_inexact(f->objs[parents[k]].region);
                f->objs[made[n]].readonly_view = e->as == FX_RETURNS_READONLY_VIEW;
            }
            create(f, made[n], f->objs[made[n]].readonly_view, false);
            n++;
        }
        pts_set(f, dst, made, n);
    }
}

/* The argument `arg` holds one of a[0..na): the same handle (releases), or memory that meets
 * theirs (writes). */
static bool meets_argument(vc_flow *f, const int *a, int na, const vc_instr *in, int arg,
                           bool same_handle)
{
    int b[MAX_PTS];
    int nb = flow_arg_objects(f, in, arg, b, MAX_PTS);
    for (int x = 0; x < na; x++)
        for (int y = 0; y < nb; y++)
            if (same_handle ? a[x] == b[y] : flow_relation(f, a[x], b[y]) != REL_DISJOINT)
                return true;
    return false;
}

/* A callee that releases or writes a parameter before it uses another, called with arguments
 * that alias: the release or write comes first (rules.md: parameters do not alias unless a call
 * makes them, and then the finding is at that call). */
static void own_accesses(vc_flow *f, const vc_instr *in, const vc_model *m, int param, int place)
{
    for (int i = 0; i < m->neffects; i++) {
        const vc_effect *e = &m->effects[i];
        if ((e->kind == FX_READS || e->kind == FX_WRITES) && e->args[0].param == param &&
            !e->args[0].path)
            events_for(f, place, e->kind == FX_READS ? EV_READ : EV_WRITE, in, e->ntrace ? e : NULL,
                       e->may);
    }
}

static void aliased_effects_first(vc_flow *f, const vc_instr *in, const vc_model *m)
{
    for (int i = 0; m && i < m->neffects; i++) {
        const vc_effect *e = &m->effects[i];
        bool release = e->kind == FX_RELEASES;
        if ((!release && e->kind != FX_WRITES) || !e->before_others || e->args[0].path)
            continue;
        int mine[MAX_PTS];
        int n = flow_effect_objects(f, in, &e->args[0], mine, MAX_PTS);
        int place = effect_place(f, in, &e->args[0]);
        for (int b = 0; b < in->nargs && place >= 0; b++) {
            bool used = effect_on(m, FX_READS, b) || effect_on(m, FX_WRITES, b) ||
                        effect_on(m, FX_INSPECTS, b);
            if (b != e->args[0].param && used && meets_argument(f, mine, n, in, b, release)) {
                /* inside the callee, the other parameter's use is a later statement; a
                 * released parameter's own accesses come before its release */
                vc_instr earlier = *in;
                earlier.stmt = in->stmt ^ 0x80000000u;
                if (release)
                    own_accesses(f, &earlier, m, e->args[0].param, place);
                events_for(f, place, release ? EV_RELEASE : EV_WRITE, &earlier,
                           e->ntrace ? e : NULL, e->may);
                break;
            }
        }
    }
}

static bool returns_a_handle_of(const vc_model *m, int param)
{
    static const vc_effect_kind kinds[] = {FX_RETURNS_SAME, FX_RETURNS_VIEW,
                                           FX_RETURNS_READONLY_VIEW, FX_RETURNS_MAYBE_VIEW};
    for (size_t k = 0; k < sizeof kinds / sizeof *kinds; k++)
        if (effect_on(m, kinds[k], param))
            return true;
    return false;
}

/* A callee that keeps a reference to an argument without handing it back (a view it made and
 * never released): an anonymous reference that nothing here releases (a resize fails). */
static void keep_references(vc_flow *f, const vc_instr *in, const vc_model *m)
{
    for (int i = 0; m && i < m->neffects; i++) {
        const vc_effect *e = &m->effects[i];
        if (e->kind != FX_RETAINS || e->args[0].path || returns_a_handle_of(m, e->args[0].param))
            continue;
        int parents[MAX_PTS];
        int n = flow_effect_objects(f, in, &e->args[0], parents, MAX_PTS);
        char *name =
            xasprintf("kept by %s", in->callee >= 0 ? f->unit->functions[in->callee]->name : "?");
        for (int k = 0; k < n; k++) {
            bool fresh;
            /* a reference to the array: which view of it was kept does not matter (a resize
             * fails all the same), and one per call keeps loops from multiplying them */
            int made = object_get(f, site_of(f, in) * 64 + 1 + i % 63, f->objs[parents[k]].root,
                                  OBJ_RETAINED, name, &fresh);
            if (fresh)
                f->objs[made].created = in->loc;
            f->objs[made].kept = true;
            create(f, made, false, false);
            if (e->may)
                flow_state(f, made)->exists = TRI_MAY;
        }
        free(name);
    }
}

void flow_apply_call(vc_flow *f, const vc_instr *in)
{
    const vc_model *m = call_model(f, in);
    args_events(f, in, m, FX_RELEASES, EV_RELEASE, true);
    for (int r = 0; r < f->cfg->nrules; r++)
        if (f->cfg->rules[r]->on_call)
            f->cfg->rules[r]->on_call(f, in, m);
    record_contracts(f, in, m);
    aliased_effects_first(f, in, m);
    bool defined = m && m == program_summary(f->program, f->unit, in);
    for (int a = 0; a < in->nargs; a++) {
        bool accessed = m && (effect_on(m, FX_READS, a) || effect_on(m, FX_WRITES, a) ||
                              effect_on(m, FX_RELEASES, a));
        if (defined && !mentions_param(m, a))
            continue; /* the function's body does nothing with that argument: no use */
        if (in->args[a].kind == OP_PLACE && !accessed && (m || f->cfg->unknown_calls_write))
            events_for(f, in->args[a].place, EV_USE, in, NULL, false);
    }
    args_events(f, in, m, FX_READS, EV_READ, false);
    f->refusing = flow_call_refused(f, in, m);
    args_events(f, in, m, FX_WRITES, f->refusing == REFUSE_SURE ? EV_USE : EV_WRITE, false);
    f->refusing = REFUSE_NONE;
    for (int i = 0; m && i < m->neffects; i++) {
        const vc_effect *e = &m->effects[i];
        if (e->kind == FX_SETS_WRITEABLE || e->kind == FX_MAKES_READONLY)
            set_readonly(f, in, e);
        if (e->kind == FX_UNREFERENCED)
            resized(f, in, &e->args[0]);
    }
    args_events(f, in, m, FX_RELEASES, EV_RELEASE, false);
    make_result(f, in, m);
    apply_stores(f, in, m);
    keep_references(f, in, m);
}

/* ---- the fixpoint ------------------------------------------------------------------------- */

/* `p->member` for a parameter p: the member's name, else NULL. */
static const char *param_member(const vc_flow *f, int place)
{
    const vc_place *pl = &f->fn->places[place];
    if (pl->kind == PLACE_ELEMENT && pl->base >= 0) /* p->f[]: the elements of a member array */
        pl = &f->fn->places[pl->base];
    if (pl->kind != PLACE_FIELD || pl->base < 0 || f->fn->places[pl->base].kind != PLACE_PARAM)
        return NULL;
    const char *arrow = strstr(f->fn->places[place].key, "->");
    if (!arrow || strchr(arrow + 2, '>') || strchr(arrow + 2, '.'))
        return NULL;
    return arrow + 2;
}

/* The parameter a member path belongs to. */
static int member_param(const vc_flow *f, int place)
{
    const vc_place *pl = &f->fn->places[place];
    if (pl->kind == PLACE_ELEMENT)
        pl = &f->fn->places[pl->base];
    return f->fn->places[pl->base].param_index;
}

static void entry_state(vc_flow *f, vc_state *s)
{
    s->reachable = true;
    vc_state saved = f->cur;
    f->cur = *s;
    for (int p = 0; p < f->fn->nplaces; p++) {
        const vc_place *pl = &f->fn->places[p];
        int root_place = p;
        while (f->fn->places[root_place].base >= 0)
            root_place = f->fn->places[root_place].base;
        vc_place_kind rk = f->fn->places[root_place].kind;
        bool external = rk == PLACE_PARAM || rk == PLACE_GLOBAL;
        if (!external || !(pl->is_pointer || (pl->is_array && rk == PLACE_GLOBAL)))
            continue;
        bool fresh;
        const char *member_path = param_member(f, p);
        bool member = member_path != NULL;
        bool param = pl->kind == PLACE_PARAM || member;
        int o = object_get(f, -1 - p, -1, param ? OBJ_PARAM : OBJ_GLOBAL, pl->name, &fresh);
        bool global = pl->kind == PLACE_GLOBAL;
        f->objs[o].param_index = pl->kind == PLACE_PARAM ? pl->param_index
                                 : member                ? member_param(f, p)
                                 : global                ? EFFECT_GLOBAL
                                                         : -1;
        if ((member || global) && !f->objs[o].path)
            f->objs[o].path = xstrdup(member ? member_path : pl->key);
        f->objs[o].created = pl->decl;
        f->objs[o].elements = pl->kind == PLACE_ELEMENT;
        f->objs[o].array_storage = global && pl->is_array;
        f->objs[o].list_node = pl->self_link;
        create(f, o, pl->const_target, false);
        pts_set(f, p, &o, 1);
    }
    *s = f->cur;
    f->cur = saved;
}

static void mark_live(const vc_flow *f, bool *live, int o)
{
    while (o >= 0 && !live[o]) {
        live[o] = true;
        mark_live(f, live, f->objs[o].ref);
        o = f->objs[o].parent;
    }
}

/* Handles no place holds any more (and that no held handle derives from) are forgotten, so a
 * path where a released handle was dropped (set to NULL) joins cleanly with the others. */
static void forget_unreachable(vc_flow *f)
{
    state_fit(f, &f->cur);
    bool *live = xcalloc((size_t)(f->nobjs ? f->nobjs : 1), sizeof *live);
    for (int p = 0; p < f->fn->nplaces; p++) {
        const uint64_t *bits = f->cur.pts + (size_t)p * f->cur.words;
        for (int w = 0; w < f->cur.words; w++)
            for (uint64_t b = bits[w]; b; b &= b - 1)
                mark_live(f, live, w * 64 + __builtin_ctzll(b));
    }
    for (int o = 0; o < f->nobjs; o++)
        if (f->objs[o].kept && f->cur.obj[o].exists)
            mark_live(f, live, o);
    for (int o = 0; o < f->nobjs; o++)
        if (!live[o] && !summarized_root(&f->objs[o])) /* the caller's memory stays */
            memset(&f->cur.obj[o], 0, sizeof f->cur.obj[o]);
    free(live);
}

static void run_block(vc_flow *f, int b, const vc_state *in)
{
    state_copy(f, &f->cur, in);
    f->block = b;
    const vc_block *blk = &f->fn->blocks[b];
    for (int i = 0; i < blk->ninstrs; i++)
        transfer(f, &blk->instrs[i]);
    forget_unreachable(f);
}

static void cross_back_edge(vc_flow *f, vc_state *s, int loop)
{
    state_fit(f, s);
    for (int o = 0; o < s->nobj; o++) {
        vc_objstate *x = &s->obj[o];
        if (!x->exists || !x->wrote)
            continue;
        if (cfg_loop_contains(f->fn, loop, x->wrote_block) && loop < 64) {
            x->wrote_around |= 1ull << loop;
            x->around_writes |= 1;
        }
        for (int i = 0; i < x->nwrote_also; i++)
            if (cfg_loop_contains(f->fn, loop, x->wrote_also_block[i]))
                x->around_writes |= (uint8_t)(2u << i);
    }
}

/* Splitting is for memory blocks (roots), once each (their twins are not split again), and
 * stops in functions that already have many objects: a bound on the work, not a semantic. */
enum { SPLIT_MAX_OBJECTS = 2000 };

static bool released_on_one_side(const vc_flow *f, const vc_state *a, const vc_state *b, int o)
{
    return !f->objs[o].twin && f->objs[o].parent < 0 && a->obj[o].exists && b->obj[o].exists &&
           (a->obj[o].released == TRI_NO) != (b->obj[o].released == TRI_NO);
}

static void retire_in(vc_flow *f, vc_state *s, int o)
{
    vc_state saved = f->cur;
    f->cur = *s;
    retire(f, o, f->objs[o].parent, 0);
    *s = f->cur;
    f->cur = saved;
}

/* An object one incoming path released and both paths still hold becomes its older generation
 * (a twin) on the path that released it, so that after the join the holders from the other path
 * keep an unreleased handle: s->items = realloc(s->items, n) in a loop, while a pointer into the
 * old block is still around. */
static bool split_needed(vc_flow *f, vc_state *dst, vc_state *src)
{
    if (!dst->reachable || !src->reachable)
        return false;
    state_fit(f, dst);
    state_fit(f, src);
    int n = f->nobjs;
    bool differ = false;
    for (int o = 0; o < n && !differ && n < SPLIT_MAX_OBJECTS; o++)
        differ = released_on_one_side(f, dst, src, o);
    return differ;
}

/* Only where split_needed(f, dst, src). */
static void split_released(vc_flow *f, vc_state *dst, vc_state *src)
{
    int n = f->nobjs;
    bool *held_dst = held_objects(f, dst), *held_src = held_objects(f, src);
    for (int o = 0; o < n; o++) {
        state_fit(f, dst);
        state_fit(f, src);
        if (!held_dst[o] || !held_src[o] || !released_on_one_side(f, dst, src, o))
            continue;
        retire_in(f, src->obj[o].released != TRI_NO ? src : dst, o);
    }
    free(held_dst);
    free(held_src);
}

static void propagate(vc_flow *f, int b, vc_state *in_states, bool *queued, int *changed_any)
{
    const vc_block *blk = &f->fn->blocks[b];
    for (int s = 0; s < blk->nsucc; s++) {
        int to = blk->succ[s], loop;
        bool back = cfg_edge_is_back(f->fn, b, to, &loop);
        bool split = split_needed(f, &in_states[to], &f->cur); /* back edges keep releases */
        if (!back && !split) {                                 /* the edge changes nothing */
            state_fit(f, &f->cur);
            if (state_join(f, &in_states[to], &f->cur)) {
                queued[to] = true;
                (*changed_any)++;
            }
            continue;
        }
        vc_state edge = {0};
        state_copy(f, &edge, &f->cur);
        if (back)
            cross_back_edge(f, &edge, loop);
        if (split)
            split_released(f, &in_states[to], &edge);
        if (state_join(f, &in_states[to], &edge)) {
            queued[to] = true;
            (*changed_any)++;
        }
        state_free(&edge);
    }
}

static void fixpoint(vc_flow *f, vc_state *in_states, const int *order, int norder)
{
    bool *queued = xcalloc((size_t)f->fn->nblocks, sizeof *queued);
    queued[f->fn->entry] = true;
    for (int round = 0; round < 100; round++) {
        int changed = 0;
        for (int i = 0; i < norder; i++) {
            int b = order[i];
            if (!queued[b] || !in_states[b].reachable)
                continue;
            queued[b] = false;
            run_block(f, b, &in_states[b]);
            propagate(f, b, in_states, queued, &changed);
        }
        if (!changed)
            break;
    }
    free(queued);
}

static void build_summary(vc_flow *f, vc_model *summary);

void flow_analyze(const vc_program *program, int unit, int fn, const vc_config *cfg,
                  vc_findings *out, vc_model *summary)
{
    vc_unit *u = program->units[unit];
    vc_flow f = {0};
    f.unit = u;
    f.fn = u->functions[fn];
    f.cfg = cfg;
    f.program = program;
    f.words = 1;
    f.summary = summary;
    strmap_init(&f.obj_index);
    strmap_init(&f.once);
    if (summary)
        model_clear(summary);
    int nb = f.fn->nblocks;
    vc_state *in_states = xcalloc((size_t)nb, sizeof *in_states);
    int *order = xmalloc((size_t)nb * sizeof *order);
    int norder = cfg_reverse_postorder(f.fn, order);
    entry_state(&f, &in_states[f.fn->entry]);
    fixpoint(&f, in_states, order, norder);
    f.out = out;
    if (f.nobjs)
        memset(f.root_fx, 0, (size_t)f.nobjs * sizeof *f.root_fx);
    if (f.nobjs)
        memset(f.root_first, 0, (size_t)f.nobjs * SUM_BITS * sizeof *f.root_first);
    if (summary)
        model_clear(summary);
    for (int i = 0; i < norder; i++)
        if (in_states[order[i]].reachable)
            run_block(&f, order[i], &in_states[order[i]]);
    f.cur.reachable = in_states[f.fn->exit].reachable;
    if (summary) {
        state_copy(&f, &f.cur, &in_states[f.fn->exit]);
        build_summary(&f, summary);
    }
    for (int b = 0; b < nb; b++)
        state_free(&in_states[b]);
    state_free(&f.cur);
    free(in_states);
    free(order);
    for (int o = 0; o < f.nobjs; o++) {
        free(f.objs[o].name);
        free(f.objs[o].path);
    }
    free(f.objs);
    free(f.roots);
    free(f.next_in_root);
    free(f.last_in_root);
    free(f.root_fx);
    free(f.root_first);
    free(f.returned);
    strmap_free(&f.obj_index);
    strmap_free(&f.once);
    pair_cache_free(&f.relations);
}

/* ---- summaries ---------------------------------------------------------------------------- */

static const char *const bit_verbs[SUM_BITS] = {"read",     "written", "used",
                                                "released", "resized", "made read-only"};

char *flow_step_text(const vc_flow *f, const char *name, const char *what, const char *callee)
{
    return callee ? xasprintf("in '%s': '%s' passed to '%s', where it is %s", f->fn->name, name,
                              callee, what)
                  : xasprintf("in '%s': '%s' %s here", f->fn->name, name, what);
}

/* The story of an effect: where it happens here, then inside the callee that did it. */
static void add_trace(vc_flow *f, vc_effect *e, const vc_object *root, const first_event *fe,
                      int bit)
{
    if (!fe || !fe->set)
        return;
    int inner = fe->cause ? fe->cause->ntrace : 0;
    e->trace = xcalloc((size_t)inner + 1, sizeof *e->trace);
    e->trace[0].file = xstrdup(flow_file(f, fe->at));
    e->trace[0].line = fe->at.line;
    e->trace[0].col = fe->at.col;
    e->trace[0].message = flow_step_text(f, root->name, bit_verbs[bit], fe->callee);
    for (int i = 0; i < inner; i++) {
        e->trace[i + 1] = fe->cause->trace[i];
        e->trace[i + 1].file = xstrdup(fe->cause->trace[i].file);
        e->trace[i + 1].message = xstrdup(fe->cause->trace[i].message);
    }
    e->ntrace = inner + 1;
}

static void add_param_effect(vc_flow *f, vc_model *m, vc_effect_kind k, int obj, bool may, int bit)
{
    const vc_object *root = &f->objs[obj];
    vc_effect e = {.kind = k, .nargs = 1, .may = may};
    e.args[0].param = root->param_index;
    e.args[0].path = root->path ? xstrdup(root->path) : NULL;
    if (bit >= 0)
        add_trace(f, &e, root, &f->root_first[(size_t)obj * SUM_BITS + (size_t)bit], bit);
    model_add_effect(m, e);
}

static vc_effect_kind derivation(const vc_flow *f, int obj, int *param, const char **path)
{
    *path = NULL;
    vc_effect_kind k = FX_RETURNS_ALIAS;
    bool readonly = false;
    for (int o = obj; o >= 0; o = f->objs[o].parent) {
        const vc_object *x = &f->objs[o];
        readonly |= x->readonly_view;
        if (summarized_root(x)) {
            *param = x->param_index;
            *path = x->path;
            return readonly && k == FX_RETURNS_VIEW ? FX_RETURNS_READONLY_VIEW : k;
        }
        if (x->kind == OBJ_DATA)
            k = FX_RETURNS_DATA;
        else if (x->kind == OBJ_MAYBE_VIEW && k != FX_RETURNS_DATA)
            k = FX_RETURNS_MAYBE_VIEW;
        else if (x->kind == OBJ_VIEW && k == FX_RETURNS_ALIAS)
            k = FX_RETURNS_VIEW;
        else if (x->kind == OBJ_RETAINED && k == FX_RETURNS_ALIAS)
            k = FX_RETURNS_SAME;
    }
    *param = -1;
    return FX_RETURNS_FRESH;
}

/* Every returned handle is one of the caller's own pointers (or a pointer into it), from
 * several parameters (a median-of-three returning v1, v2 or v3): one returns_alias per parameter,
 * and the caller's result may be any of them. False when some returned handle is a view or
 * fresh: that mixture is a maybe-view. */
static bool summarize_aliases(vc_flow *f, vc_model *m)
{
    vc_effect found[VC_EFFECT_MAXARGS];
    const char *paths[VC_EFFECT_MAXARGS];
    int nfound = 0;
    for (int o = 0; o < f->returned_words * 64 && o < f->nobjs; o++) {
        if (!(f->returned[o / 64] >> (o % 64) & 1))
            continue;
        int p;
        const char *op;
        if (derivation(f, o, &p, &op) != FX_RETURNS_ALIAS || (p < 0 && p != EFFECT_GLOBAL))
            return false;
        bool seen = false;
        for (int i = 0; i < nfound && !seen; i++)
            seen = found[i].args[0].param == p && paths[i] == op;
        if (seen)
            continue;
        if (nfound == VC_EFFECT_MAXARGS)
            return false;
        found[nfound] = (vc_effect){.kind = FX_RETURNS_ALIAS, .nargs = 1, .may = true};
        found[nfound].args[0].param = p;
        paths[nfound++] = op;
    }
    for (int i = 0; i < nfound; i++) {
        found[i].args[0].path = paths[i] ? xstrdup(paths[i]) : NULL;
        model_add_effect(m, found[i]);
    }
    return nfound > 0;
}

static void summarize_return(vc_flow *f, vc_model *m)
{
    int kind = -1, param = -1, count = 0, last = -1, caller_param = -1;
    const char *path = NULL, *caller_path = NULL;
    bool mixed = false;
    for (int o = 0; o < f->returned_words * 64 && o < f->nobjs; o++) {
        if (!(f->returned[o / 64] >> (o % 64) & 1))
            continue;
        int p;
        const char *op;
        vc_effect_kind k = derivation(f, o, &p, &op);
        if (count++ && (k != (vc_effect_kind)kind || p != param || op != path))
            mixed = true;
        kind = (int)k;
        param = p;
        path = op;
        last = o;
        if (p >= 0 || p == EFFECT_GLOBAL) {
            caller_param = p;
            caller_path = op;
        }
    }
    if (count == 0)
        return;
    bool from_caller = caller_param >= 0 || caller_param == EFFECT_GLOBAL;
    if (mixed && from_caller && summarize_aliases(f, m))
        return;
    vc_effect e = {.kind = (vc_effect_kind)kind, .nargs = from_caller, .may = mixed};
    if (mixed && from_caller) /* the caller's memory on some paths, other memory on others */
        e.kind = FX_RETURNS_MAYBE_VIEW;
    if (!from_caller)
        e.kind = FX_RETURNS_FRESH;
    e.args[0].param = caller_param;
    e.args[0].path = caller_path ? xstrdup(caller_path) : NULL;
    if (from_caller && !mixed && count == 1) { /* which part of the argument it covers */
        e.has_region = true;
        e.region = region_without_atoms(f->objs[last].region);
    }
    model_add_effect(m, e);
}

/* Members of parameters' structs that hold a different handle on the way out. */
/* How `obj` derives from the root of its chain, whatever that root is. */
static vc_effect_kind chain_kind(const vc_flow *f, int obj)
{
    vc_effect_kind k = FX_RETURNS_ALIAS;
    for (int o = obj; o >= 0 && f->objs[o].parent >= 0; o = f->objs[o].parent) {
        vc_object_kind x = f->objs[o].kind;
        if (x == OBJ_DATA)
            k = FX_RETURNS_DATA;
        else if (x == OBJ_MAYBE_VIEW && k != FX_RETURNS_DATA)
            k = FX_RETURNS_MAYBE_VIEW;
        else if (x == OBJ_VIEW && k == FX_RETURNS_ALIAS)
            k = FX_RETURNS_VIEW;
        else if (x == OBJ_RETAINED && k == FX_RETURNS_ALIAS)
            k = FX_RETURNS_SAME;
    }
    return k;
}

typedef struct {
    int place, obj, n, param;
    const char *path;
} stored;

/* Members of parameters' structs and globals that hold a different handle on the way out. A
 * handle derived from a fresh array that is itself stored (im->base = fresh, im->rows[i] = rows
 * of it) is described relative to that store, which comes first. */
static void summarize_stores(vc_flow *f, vc_model *m)
{
    stored *list = xcalloc((size_t)f->fn->nplaces + 1, sizeof *list);
    int nlist = 0;
    for (int p = 0; p < f->fn->nplaces && f->cur.reachable; p++) {
        const vc_place *pl = &f->fn->places[p];
        bool global = pl->kind == PLACE_GLOBAL && pl->is_pointer;
        const char *path = global ? pl->key : param_member(f, p);
        int objs[MAX_PTS], first = -1;
        int n = path ? pts_list(f, p, objs, MAX_PTS) : 0;
        for (int k = 0; k < n && first < 0; k++) /* the initial value is not a store */
            if (!(summarized_root(&f->objs[objs[k]]) && f->objs[objs[k]].path &&
                  strcmp(f->objs[objs[k]].path, path) == 0))
                first = objs[k];
        if (first < 0)
            continue;
        list[nlist++] = (stored){p, first, n, global ? EFFECT_GLOBAL : member_param(f, p), path};
    }
    for (int pass = 0; pass < 2; pass++) { /* stores of roots first, then what derives from them */
        for (int i = 0; i < nlist; i++) {
            int src;
            const char *src_path;
            vc_effect_kind as = derivation(f, list[i].obj, &src, &src_path);
            int holder = -1;
            for (int k = 0; src < 0 && k < nlist; k++)
                if (k != i && list[k].obj == f->objs[list[i].obj].root)
                    holder = k;
            bool derived_from_store = holder >= 0 && list[i].obj != f->objs[list[i].obj].root;
            if (derived_from_store != (pass == 1))
                continue;
            vc_effect e = {.kind = FX_STORES, .nargs = 2, .may = list[i].n > 1};
            e.as = derived_from_store ? chain_kind(f, list[i].obj) : as;
            e.args[0].param = list[i].param;
            e.args[0].path = xstrdup(list[i].path);
            e.args[1].param = derived_from_store ? list[holder].param : src;
            src_path = derived_from_store ? list[holder].path : src_path;
            e.args[1].path = src_path ? xstrdup(src_path) : NULL;
            model_add_effect(m, e);
        }
    }
    free(list);
}

/* A parameter declared as pointing to const. Freeing it takes a cast: when that happens on some
 * paths only, the pointer freed is one the function put in place of the caller's (an ownership
 * flag decides), not the caller's memory. */
static bool const_pointee(const vc_flow *f, const vc_object *x)
{
    int place = -1 - x->site;
    return x->kind == OBJ_PARAM && !x->path && place >= 0 && place < f->fn->nplaces &&
           f->fn->places[place].const_target;
}

/* Some variable of the caller's reach (a parameter's member, a global) holds `obj`. */
static bool stored_outside(vc_flow *f, int obj)
{
    for (int p = 0; p < f->fn->nplaces; p++) {
        const vc_place *pl = &f->fn->places[p];
        if (!((pl->kind == PLACE_GLOBAL && pl->is_pointer) || param_member(f, p)))
            continue;
        if (pts_of(f, p)[obj / 64] >> (obj % 64) & 1)
            return true;
    }
    return false;
}

/* References to a parameter's memory made here and neither released, returned nor stored where
 * the caller can reach them: the parameter stays referenced after the call. */
static void summarize_kept_references(vc_flow *f, vc_model *m)
{
    for (int o = 0; o < f->nobjs && o < f->cur.nobj && f->cur.reachable; o++) {
        const vc_object *x = &f->objs[o];
        const vc_objstate *s = &f->cur.obj[o];
        const vc_object *root = &f->objs[x->root];
        bool reference =
            x->kind == OBJ_VIEW || x->kind == OBJ_MAYBE_VIEW || x->kind == OBJ_RETAINED;
        /* released on some paths (`if (!v) return;` before the release): not counted */
        if (!reference || !x->holds_ref || s->exists != TRI_MUST || s->released != TRI_NO ||
            !summarized_root(root) || root->path || x->parent < 0)
            continue;
        bool returned = o / 64 < f->returned_words && (f->returned[o / 64] >> (o % 64) & 1);
        if (returned || stored_outside(f, o))
            continue;
        if (effect_on(m, FX_RETAINS, root->param_index))
            continue;
        add_param_effect(f, m, FX_RETAINS, x->root, false, -1);
    }
}

static void build_summary(vc_flow *f, vc_model *m)
{
    for (int o = 0; o < f->nobjs; o++) {
        const vc_object *x = &f->objs[o];
        if (!summarized_root(x))
            continue;
        uint16_t fx = f->root_fx[o];
        if (fx & SUM_READ)
            add_param_effect(f, m, FX_READS, o, false, 0);
        if (fx & SUM_WRITE) {
            add_param_effect(f, m, FX_WRITES, o, false, 1);
            m->effects[m->neffects - 1].before_others = (fx & SUM_WRITTEN_BEFORE_OTHERS) != 0;
        }
        if (fx & SUM_RESIZE)
            add_param_effect(f, m, FX_UNREFERENCED, o, false, 4);
        if (fx & SUM_READONLY)
            add_param_effect(f, m, FX_MAKES_READONLY, o, true, 5);
        if ((fx & (SUM_USE | SUM_READ | SUM_WRITE)) && !x->path)
            add_param_effect(f, m, FX_INSPECTS, o, false, -1);
        /* parameters released on the way out */
        bool may_release = o < f->cur.nobj &&
                           (f->cur.obj[o].released == TRI_MAY || f->cur.obj[o].exists == TRI_MAY);
        if (f->cur.reachable && o < f->cur.nobj && f->cur.obj[o].released &&
            !(may_release && const_pointee(f, x))) {
            add_param_effect(f, m, FX_RELEASES, o, may_release, 3);
            m->effects[m->neffects - 1].early = (fx & SUM_RELEASED_EARLY) != 0;
            m->effects[m->neffects - 1].before_others = (fx & SUM_RELEASED_BEFORE_OTHERS) != 0;
        }
    }
    summarize_stores(f, m);
    summarize_return(f, m);
    summarize_kept_references(f, m);
}
