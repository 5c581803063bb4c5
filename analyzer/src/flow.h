/* The provenance dataflow: abstract handle objects, the per-program-point state, and the events
 * that rules consume. */
#ifndef VC_FLOW_H
#define VC_FLOW_H

#include "findings.h"
#include "models.h"
#include "region.h"
#include "unit.h"

/* Three-valued facts: on no path, on some paths, on every path. */
typedef enum { TRI_NO = 0, TRI_MAY = 1, TRI_MUST = 2 } tri;

typedef enum {
    OBJ_OWNER,   /* a fresh array (or memory from an unknown source) */
    OBJ_PARAM,   /* what a parameter points to */
    OBJ_GLOBAL,  /* what a global points to */
    OBJ_STORAGE, /* a C array variable's own storage */
    OBJ_VIEW,
    OBJ_MAYBE_VIEW,
    OBJ_COPY,     /* a plain pointer copy of another handle */
    OBJ_DATA,     /* a raw data pointer (and pointer arithmetic on it) */
    OBJ_RETAINED, /* the same array with a new reference */
    OBJ_KIND_COUNT
} vc_object_kind;

/* What is known of a handle's memory layout (for maybe-views). */
typedef enum {
    LAYOUT_UNKNOWN,
    LAYOUT_CONTIGUOUS, /* C-contiguous */
    LAYOUT_TRANSPOSED, /* a transpose of a C-contiguous array of 2 or more dimensions */
    LAYOUT_STRIDED     /* not contiguous: a step, a column, a partial slice of an inner axis */
} vc_layout;

typedef struct {
    vc_object_kind kind;
    int parent; /* the handle it was derived from, -1 for roots */
    int root;   /* the root object: identity of the memory */
    int ref;    /* the object whose reference this handle uses */
    int site;   /* creating instruction */
    vc_loc created;
    char *name;         /* the handle as the user calls it */
    vc_region region;   /* elements of the root memory it covers */
    bool readonly_view; /* created read-only */
    bool holds_ref;     /* counts as a reference to the root memory */
    int8_t layout;      /* vc_layout */
    bool elements;      /* root: the elements of an array of handles the caller passed */
    bool offset;        /* p + k: the same array as its parent from a shifted start */
    bool array_storage; /* a C array's own storage (static or automatic): never released */
    bool twin;          /* an older generation of another object (retire) */
    bool list_node;     /* read from a self-linking member (list->next): every node of the list */
    bool kept;          /* a reference a callee kept: no place holds it, it stays all the same */
    int param_index;    /* OBJ_PARAM */
    char *path;         /* OBJ_PARAM: the member of *param it was read from, or NULL */
} vc_object;

typedef struct {
    uint8_t exists; /* tri: the handle exists on every path, some paths, none */
    uint8_t released, readonly, stale, wrote, observed, mv_wrote, dangling;
    /* tri: paths on which the release has had no consequence yet (VC007 reports the first);
     * whether the release was itself a "may" of the callee (then one consequence in all) */
    uint8_t release_pending;
    bool release_uncertain;
    vc_loc released_at, readonly_at, stale_at, wrote_at, observed_at, mv_wrote_at, dangling_at;
    int stale_by, observed_by;
    const vc_effect *wrote_cause, *released_cause, *readonly_cause;
    int wrote_block;
    uint32_t wrote_stmt;
    /* VC004: the first writes of the episode on other paths than wrote_at's, and which of the
     * episodes (bit 0: wrote_at's, bit 1 + i: wrote_also[i]'s) the base was read in */
    vc_loc wrote_also[3];
    int wrote_also_block[3];
    uint8_t nwrote_also;
    uint8_t observed_writes;
    uint8_t around_writes; /* the same bits: episodes that went around a loop of their write */
    uint64_t wrote_around; /* loops whose back edge the pending write crossed */
    bool atoms_stale;      /* a variable its region names changed since it was made */
    /* a view of one parameter: the other parameters written since it was made (bit per index),
     * the first such write: stale if the caller passes the same memory for both */
    uint32_t alias_stale;
    vc_loc alias_stale_at;
} vc_objstate;

typedef struct {
    bool reachable;
    uint32_t stmt; /* the statement of the last instruction on the path (UINT32_MAX: several) */
    int nobj;
    vc_objstate *obj;
    int words;     /* bitset words per place */
    uint64_t *pts; /* nplaces * words */
} vc_state;

typedef enum { EV_READ, EV_WRITE, EV_USE, EV_RELEASE, EV_CREATE } vc_event_kind;

typedef struct {
    vc_event_kind kind;
    int obj;
    bool may; /* the handle is this object on some paths only */
    vc_loc loc;
    uint32_t stmt;
    int block;
    const vc_effect *cause; /* the callee's effect when the access happens inside a call */
    const char *callee;     /* that callee's name */
    bool summarized;        /* through an element of an array of handles: which one is unknown */
    bool refused; /* EV_USE: a write the call refuses (it fails first); writeability is checked */
} vc_event;

typedef struct vc_flow vc_flow;

typedef struct {
    const char *id, *name, *level, *summary;
    void (*on_event)(vc_flow *f, const vc_event *ev);
    /* calls: contracts checked before the call's effects happen */
    void (*on_call)(vc_flow *f, const vc_instr *call, const vc_model *model);
} vc_rule;

/* Access for rules. */
int flow_nobjects(const vc_flow *f);
const vc_object *flow_object(const vc_flow *f, int id);
vc_objstate *flow_state(vc_flow *f, int id);
const vc_function *flow_function(const vc_flow *f);
bool flow_derived_from(const vc_flow *f, int obj, int ancestor);
bool flow_same_handle(const vc_flow *f, int a, int b);
/* One variable holds both handles and nothing else holds either: it is one of them at a time
 * (h = submatrix(&h.matrix, ...) in a loop), so neither can observe the other. */
bool flow_exclusive(vc_flow *f, int a, int b);
/* True the first time (rule, key) is seen while reporting: one finding per root cause. */
bool flow_once(vc_flow *f, const char *rule, vc_loc key);
/* The same, true again for the same object `obj` (on another path) and for an object of another
 * name (not a twin, an older generation, of it); -1: no object. */
bool flow_once_for(vc_flow *f, const char *rule, vc_loc key, int obj);
bool flow_is_root(const vc_flow *f, int obj);
/* The objects of one memory, in creation order: from its root, for (o = root; o >= 0; o =
 * flow_next_of_root(f, o)). Objects of other roots are always disjoint (flow_relation). */
int flow_next_of_root(const vc_flow *f, int obj);
/* The roots, in creation order: flow_root(f, i) for i < flow_nroots(f). */
int flow_nroots(const vc_flow *f);
int flow_root(const vc_flow *f, int i);
/* How many objects of that kind there are (rules skip walks that cannot find one). */
int flow_count_of_kind(const vc_flow *f, vc_object_kind kind);
/* Same root memory and regions not provably disjoint. */
vc_relation flow_relation(vc_flow *f, int a, int b);
/* The same with the objects' regions given (narrowed by a contract's extents). */
vc_relation flow_relation_regions(vc_flow *f, int a, vc_region ra, int b, vc_region rb);
/* Either the same elements or none in common (two rows of one matrix), whatever the indices. */
bool flow_same_or_disjoint(vc_flow *f, int a, vc_region ra, int b, vc_region rb);
/* A plain buffer (C array, malloc'd memory, a pointer parameter) whose first axis is its
 * elements, so that pointer offsets and byte extents are positions on that axis. */
bool flow_is_raw_buffer(const vc_flow *f, int obj);
/* The value an effect argument has at a call (a literal, or a constant argument). */
bool flow_effect_value(const vc_instr *in, const vc_effect *e, int arg, int64_t *value);
/* Objects held by an argument of the call, as a list (returns the count). */
int flow_arg_objects(vc_flow *f, const vc_instr *call, int arg, int *out, int max);
/* Objects an effect's argument designates at a call: the argument, or a member it points to. */
int flow_effect_objects(vc_flow *f, const vc_instr *call, const vc_effect_arg *arg, int *out,
                        int max);
bool flow_in_loop_around(const vc_flow *f, const vc_objstate *s, int block);
const char *flow_name(const vc_flow *f, int obj);
const char *flow_file(const vc_flow *f, vc_loc loc);
bool flow_reporting(const vc_flow *f);
/* Reports a finding (deduplicated by rule and line); returns it for notes, or NULL. */
vc_finding *flow_report(vc_flow *f, const vc_rule *rule, vc_loc at, bool may, char *message);
void flow_note(vc_flow *f, vc_finding *finding, vc_loc at, char *message);
/* A summary's story step: "in 'fn': 'name' <what> here", or passed to `callee` where it is. */
char *flow_step_text(const vc_flow *f, const char *name, const char *what, const char *callee);
/* Notes for the steps inside the callees through which an effect happened. */
void flow_note_cause(vc_flow *f, vc_finding *finding, const vc_effect *cause);
/* VC004: another first write of the episode (on paths that had not written); false when known
 * or when there is no room. */
bool flow_add_write(vc_objstate *s, vc_loc at, int block, bool observed, bool around);
/* Whether a call's overlap contract `e` is broken: the first conflicting pair in *pa, *pb;
 * *may unless every pair surely overlaps; *sure when that holds whatever the arrays' lengths. */
bool flow_contract_conflict(vc_flow *f, const vc_instr *call, const vc_model *m, const vc_effect *e,
                            bool *may, bool *sure, int *pa, int *pb);
/* A callee that checks its overlap contracts fails without writing when one is broken: surely,
 * maybe (its writes happen on some paths only), or not at all. */
typedef enum { REFUSE_NONE, REFUSE_MAYBE, REFUSE_SURE } vc_refusal;
vc_refusal flow_call_refused(vc_flow *f, const vc_instr *call, const vc_model *m);
/* The summary being built, or NULL. */
vc_model *flow_summary(vc_flow *f);
/* Summaries: reads of a parameter's view after another parameter was written (FX_STALE_READ). */
void flow_track_alias_staleness(vc_flow *f, const vc_event *ev);
/* A callee's FX_STALE_READ `e` on two of this function's parameters becomes `out`'s story. */
void flow_stale_read_passed(vc_flow *f, const vc_instr *call, const vc_effect *e, vc_effect *out);
/* The merge of two tri facts where `may` weakens a must. */
uint8_t tri_set(bool may);
/* The finding is a "may" when the handle exists on some paths only. */
bool flow_exists_may(vc_flow *f, int obj);

#endif
