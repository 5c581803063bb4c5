#include "models.h"

#include "util.h"

#include <ctype.h>
#include <errno.h>
#include <stdlib.h>
#include <string.h>

static const struct {
    const char *name;
    int min, max;
} effect_table[FX_COUNT] = {
    [FX_RETURNS_FRESH] = {"returns_fresh", 0, 0},
    [FX_RETURNS_VIEW] = {"returns_view", 1, 1},
    [FX_RETURNS_READONLY_VIEW] = {"returns_readonly_view", 1, 1},
    [FX_RETURNS_MAYBE_VIEW] = {"returns_maybe_view", 1, 1},
    [FX_RETURNS_SAME] = {"returns_same", 1, 1},
    [FX_RETURNS_ALIAS] = {"returns_alias", 1, 1},
    [FX_RETURNS_DATA] = {"returns_data", 1, 1},
    [FX_READS] = {"reads", 1, 1},
    [FX_WRITES] = {"writes", 1, 1},
    [FX_INSPECTS] = {"inspects", 1, 1},
    [FX_RETAINS] = {"retains", 1, 1},
    [FX_RELEASES] = {"releases", 1, 1},
    [FX_NO_PARTIAL_OVERLAP] = {"no_partial_overlap", 2, 2},
    [FX_NO_OVERLAP] = {"no_overlap", 2, 2},
    [FX_UNREFERENCED] = {"unreferenced", 1, 1},
    [FX_MAKES_READONLY] = {"makes_readonly", 1, 1},
    [FX_SETS_WRITEABLE] = {"sets_writeable", 2, 2},
    [FX_REGION_SLICE] = {"region_slice", 5, 5},
    [FX_REGION_INDEX] = {"region_index", 3, 3},
    [FX_REGION_TRANSPOSE] = {"region_transpose", 1, 1},
    [FX_REGION_SAME] = {"region_same", 1, 1},
    [FX_REGION_SPAN] = {"region_span", 5, 5},
    [FX_STORES] = {"stores", 2, 2},
    [FX_RESULT_NDIM] = {"result_ndim", 1, 1},
    [FX_EXTENT] = {"extent", 2, 2},
    [FX_NO_OVERLAP_VARARGS] = {"no_overlap_varargs", 2, 2},
    [FX_VIEW_IF_CONTIGUOUS] = {"view_if_contiguous", 1, 1},
    [FX_COPY_UNLESS_CONTIGUOUS] = {"copy_unless_contiguous", 1, 1},
    [FX_SAME_IF_CONTIGUOUS] = {"same_if_contiguous", 1, 1},
    [FX_FAILS_ON_OVERLAP] = {"fails_on_overlap", 0, 0},
    [FX_STALE_READ] = {"stale_read", 2, 2},
};

const char *model_effect_name(vc_effect_kind k)
{
    return effect_table[k].name;
}

int model_effect_arity(vc_effect_kind k, int *max)
{
    *max = effect_table[k].max;
    return effect_table[k].min;
}

static const char *skip_space(const char *p)
{
    while (isspace((unsigned char)*p))
        p++;
    return p;
}

static bool parse_arg(const char *text, size_t len, vc_effect_arg *arg)
{
    while (len && isspace((unsigned char)*text))
        text++, len--;
    while (len && isspace((unsigned char)text[len - 1]))
        len--;
    if (len == 0)
        return false;
    char *word = xstrndup(text, len);
    char *end;
    errno = 0;
    long long v = strtoll(word, &end, 10);
    arg->param = -1;
    if (*end == '\0' && errno == 0) {
        arg->literal = true;
        arg->value = v;
        arg->name = NULL;
        free(word);
        return true;
    }
    for (char *c = word; *c; c++) {
        if (!isalnum((unsigned char)*c) && *c != '_') {
            free(word);
            return false;
        }
    }
    arg->literal = false;
    arg->name = word;
    return true;
}

static bool parse_effect(const char *text, vc_effect *out, const char **why);

bool model_parse_effect(const char *text, vc_effect *out, const char **why)
{
    if (parse_effect(text, out, why))
        return true;
    for (int a = 0; a < out->nargs; a++)
        free(out->args[a].name);
    out->nargs = 0;
    return false;
}

static bool parse_effect(const char *text, vc_effect *out, const char **why)
{
    memset(out, 0, sizeof *out);
    text = skip_space(text);
    if (strncmp(text, "nda:", 4) == 0)
        text += 4;
    size_t name_len = strcspn(text, "( \t");
    int kind = -1;
    for (int k = 0; k < FX_COUNT; k++)
        if (strlen(effect_table[k].name) == name_len &&
            strncmp(effect_table[k].name, text, name_len) == 0)
            kind = k;
    if (kind < 0) {
        *why = "unknown effect";
        return false;
    }
    out->kind = (vc_effect_kind)kind;
    const char *p = skip_space(text + name_len);
    if (*p == '(') {
        const char *close = strchr(p, ')');
        if (!close || *skip_space(close + 1)) {
            *why = "expected ')' at the end";
            return false;
        }
        for (const char *a = p + 1; a < close;) {
            const char *comma = memchr(a, ',', (size_t)(close - a));
            const char *end = comma ? comma : close;
            if (out->nargs == VC_EFFECT_MAXARGS ||
                !parse_arg(a, (size_t)(end - a), &out->args[out->nargs])) {
                *why = "bad argument (a parameter name or index, or an integer)";
                return false;
            }
            out->nargs++;
            a = comma ? comma + 1 : close;
        }
    } else if (*p) {
        *why = "unexpected text after the effect name";
        return false;
    }
    if (out->nargs < effect_table[kind].min || out->nargs > effect_table[kind].max) {
        *why = "wrong number of arguments";
        return false;
    }
    return true;
}

void model_add_effect(vc_model *m, vc_effect e)
{
    GROW(m->effects, m->neffects, m->cap);
    m->effects[m->neffects++] = e;
}

bool model_has(const vc_model *m, vc_effect_kind k)
{
    for (int i = 0; m && i < m->neffects; i++)
        if (m->effects[i].kind == k)
            return true;
    return false;
}

/* Effects name the parameters they act on; the other arguments of region effects are values. */
static bool names_parameter(vc_effect_kind k, int arg)
{
    if (k == FX_RESULT_NDIM)
        return false;
    return !(k == FX_REGION_SLICE || k == FX_REGION_INDEX || k == FX_REGION_SPAN ||
             k == FX_SETS_WRITEABLE || k == FX_NO_OVERLAP_VARARGS) ||
           arg == 0;
}

bool model_resolve(vc_model *m, char *const *param_names, int nparams, const char **bad)
{
    for (int i = 0; i < m->neffects; i++) {
        vc_effect *e = &m->effects[i];
        for (int a = 0; a < e->nargs; a++) {
            vc_effect_arg *arg = &e->args[a];
            if (arg->literal) {
                /* a literal names a parameter by index, or is a value (region bounds) */
                arg->param = names_parameter(e->kind, a) ? (int)arg->value : -1;
                if (arg->param >= nparams) {
                    *bad = "a parameter index beyond the declaration's parameters";
                    return false;
                }
                continue;
            }
            if (!arg->name)
                continue; /* made resolved (summaries, restrict qualifiers) */
            arg->param = -1;
            for (int p = 0; p < nparams; p++)
                if (param_names[p] && strcmp(param_names[p], arg->name) == 0)
                    arg->param = p;
            if (arg->param < 0) {
                *bad = arg->name;
                return false;
            }
        }
    }
    return true;
}

void effect_free(vc_effect *e)
{
    for (int a = 0; a < e->nargs; a++) {
        free(e->args[a].name);
        free(e->args[a].path);
    }
    free(e->field);
    for (int t = 0; t < e->ntrace; t++) {
        free(e->trace[t].file);
        free(e->trace[t].message);
    }
    free(e->trace);
}

vc_step *steps_copy(const vc_step *steps, int n)
{
    if (n == 0)
        return NULL;
    vc_step *out = xcalloc((size_t)n, sizeof *out);
    for (int i = 0; i < n; i++) {
        out[i] = steps[i];
        out[i].file = xstrdup(steps[i].file);
        out[i].message = xstrdup(steps[i].message);
    }
    return out;
}

void model_clear(vc_model *m)
{
    for (int i = 0; i < m->neffects; i++)
        effect_free(&m->effects[i]);
    free(m->effects);
    m->effects = NULL;
    m->neffects = m->cap = 0;
}
