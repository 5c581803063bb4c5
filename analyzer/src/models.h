/* What a function does to the arrays it is given: effects parsed from `nda:` annotations in
 * headers, from YAML model files, or computed as summaries of analyzed functions. */
#ifndef VC_MODELS_H
#define VC_MODELS_H

#include "region.h"

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

typedef enum {
    FX_RETURNS_FRESH,
    FX_RETURNS_VIEW,
    FX_RETURNS_READONLY_VIEW,
    FX_RETURNS_MAYBE_VIEW,
    FX_RETURNS_SAME,  /* the argument itself, with a new reference */
    FX_RETURNS_ALIAS, /* the argument itself, no new reference (summaries) */
    FX_RETURNS_DATA,
    FX_READS,
    FX_WRITES,
    FX_INSPECTS,
    FX_RETAINS,
    FX_RELEASES,
    FX_NO_PARTIAL_OVERLAP,
    FX_NO_OVERLAP,
    FX_UNREFERENCED,
    FX_MAKES_READONLY,
    FX_SETS_WRITEABLE,
    FX_REGION_SLICE,
    FX_REGION_INDEX,
    FX_REGION_TRANSPOSE,
    FX_REGION_SAME,
    FX_REGION_SPAN, /* (p, axis, offset, count, stride): GSL's subvector/submatrix */
    FX_STORES,      /* summaries: leaves a handle in a member of a parameter's struct */
    FX_RESULT_NDIM,
    FX_EXTENT,             /* (p, n): the call touches n bytes from p (memcpy's length) */
    FX_NO_OVERLAP_VARARGS, /* (p, first): no argument from index first on may overlap p */
    FX_VIEW_IF_CONTIGUOUS,
    FX_COPY_UNLESS_CONTIGUOUS,
    FX_SAME_IF_CONTIGUOUS,
    FX_FAILS_ON_OVERLAP, /* a broken overlap contract makes the call fail before it writes */
    FX_STALE_READ,       /* (p, q): reads a view of p made before q is written (summaries) */
    FX_COUNT
} vc_effect_kind;

/* An effect's argument: a parameter (by name until resolved, then by index) or a literal. */
typedef struct {
    char *name; /* as written; NULL for literals */
    int param;  /* resolved parameter index, -1 if not (yet) resolved */
    bool literal;
    int64_t value;
    char *path; /* a member of the struct the parameter points to: `p->path` (summaries) */
} vc_effect_arg;

/* An effect argument that names a global (its USR in `path`) instead of a parameter. */
enum { EFFECT_GLOBAL = -2 };

enum { VC_EFFECT_MAXARGS = 5 };

/* One step of the story of an effect inside a callee (file, position, what happens there). */
typedef struct {
    char *file;
    unsigned line, col;
    char *message;
} vc_step;

typedef struct {
    vc_effect_kind kind;
    vc_effect_arg args[VC_EFFECT_MAXARGS];
    int nargs;
    bool may;           /* summaries: on some paths only */
    bool early;         /* summaries: before the callee's contracts (a release before a resize) */
    bool before_others; /* summaries, a release or write: before another parameter is used */
    char *field;        /* GSL: the returned struct's member that holds the handle ("vector") */
    vc_effect_kind as;  /* FX_STORES: how the stored handle derives from args[1] */
    vc_step *trace;     /* summaries: where it happens, through the callees */
    bool has_region;    /* summaries: a returned view covers `region` of its parameter */
    vc_region region;
    int ntrace;
} vc_effect;

typedef struct {
    char *function;
    vc_effect *effects;
    int neffects, cap;
    char *origin; /* "nda.h annotation", "rules/models/gsl.yaml:12", "summary" */
} vc_model;

const char *model_effect_name(vc_effect_kind k);
/* Parses "writes(a)" / "nda:writes(a)" / "region_index(a,0,i)". Returns false with *why set. */
bool model_parse_effect(const char *text, vc_effect *out, const char **why);
void model_add_effect(vc_model *m, vc_effect e);
/* Resolves named arguments against the parameter names of a declaration. */
bool model_resolve(vc_model *m, char *const *param_names, int nparams, const char **bad);
void model_clear(vc_model *m);
void effect_free(vc_effect *e);
vc_step *steps_copy(const vc_step *steps, int n);
bool model_has(const vc_model *m, vc_effect_kind k);
/* Number of arguments each effect takes. */
int model_effect_arity(vc_effect_kind k, int *max);

/* A set of models by function name. */
typedef struct vc_model_set vc_model_set;
vc_model_set *model_set_new(void);
void model_set_free(vc_model_set *s);
vc_model *model_set_get(vc_model_set *s, const char *function);
vc_model *model_set_add(vc_model_set *s, const char *function, const char *origin);
/* Iterates the models: start with *cursor = 0; NULL at the end. */
vc_model *model_set_next(const vc_model_set *s, size_t *cursor);
/* Loads a YAML model file; on error returns false and writes "file:line: reason" to err. */
bool model_set_load_yaml(vc_model_set *s, const char *path, char *err, int errlen);

#endif
