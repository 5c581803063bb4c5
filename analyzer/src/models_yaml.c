/* Model files (rules/models/NAME.yaml):
 *
 *   models:
 *     - function: memcpy
 *       effects: [writes(0), reads(1), "no_overlap(0, 1)"]
 *     - function: gsl_matrix_row
 *       effects: [returns_view(m)]
 *       field: vector            # the returned struct's member holding the view
 *
 * Effects use the vocabulary of nda.h's annotations; arguments name parameters by declared name
 * or by index. */
#include "models.h"

#include "util.h"
#include "yaml_file.h"

#include <errno.h>
#include <stdio.h>
#include <string.h>
#include <yaml.h>

typedef struct {
    const char *path;
    char *err;
    int errlen;
} load_ctx;

static bool fail(load_ctx *c, const yaml_node_t *at, const char *why, const char *detail)
{
    snprintf(c->err, (size_t)c->errlen, "%s:%lu: %s%s%s", c->path,
             at ? (unsigned long)at->start_mark.line + 1 : 1ul, why, detail ? ": " : "",
             detail ? detail : "");
    return false;
}

static const char *scalar(const yaml_node_t *n)
{
    return n && n->type == YAML_SCALAR_NODE ? (const char *)n->data.scalar.value : NULL;
}

static yaml_node_t *lookup(yaml_document_t *doc, yaml_node_t *map, const char *key)
{
    for (yaml_node_pair_t *p = map->data.mapping.pairs.start; p < map->data.mapping.pairs.top;
         p++) {
        const char *k = scalar(yaml_document_get_node(doc, p->key));
        if (k && strcmp(k, key) == 0)
            return yaml_document_get_node(doc, p->value);
    }
    return NULL;
}

static bool check_keys(load_ctx *c, yaml_document_t *doc, yaml_node_t *map)
{
    static const char *const known[] = {"function", "effects", "field", "functions"};
    for (yaml_node_pair_t *p = map->data.mapping.pairs.start; p < map->data.mapping.pairs.top;
         p++) {
        yaml_node_t *kn = yaml_document_get_node(doc, p->key);
        const char *k = scalar(kn);
        bool ok = false;
        for (size_t i = 0; k && i < sizeof known / sizeof *known; i++)
            ok |= strcmp(k, known[i]) == 0;
        if (!ok)
            return fail(c, kn, "unknown key in a model", k ? k : "(not a scalar)");
    }
    return true;
}

/* A function that returns fresh memory in place of what it releases (realloc) may fail, return
 * NULL and keep the old memory: its release is a "may". */
static void may_fail_and_keep(vc_model *m)
{
    bool fresh = false;
    for (int i = 0; i < m->neffects; i++)
        fresh |= m->effects[i].kind == FX_RETURNS_FRESH;
    for (int i = 0; fresh && i < m->neffects; i++)
        if (m->effects[i].kind == FX_RELEASES)
            m->effects[i].may = true;
}

static bool load_effects(load_ctx *c, yaml_document_t *doc, yaml_node_t *list, vc_model *m,
                         const char *field)
{
    if (!list || list->type != YAML_SEQUENCE_NODE)
        return fail(c, list, "'effects' must be a list", NULL);
    for (yaml_node_item_t *it = list->data.sequence.items.start; it < list->data.sequence.items.top;
         it++) {
        yaml_node_t *n = yaml_document_get_node(doc, *it);
        const char *text = scalar(n), *why = NULL;
        vc_effect e;
        if (!text)
            return fail(c, n, "an effect must be a string such as writes(dest)", NULL);
        if (!model_parse_effect(text, &e, &why)) {
            if (strchr(text, '(') && !strchr(text, ')'))
                why = "unclosed '(' (in a [flow, list], quote effects that contain commas)";
            return fail(c, n, why, text);
        }
        if (field)
            e.field = xstrdup(field);
        model_add_effect(m, e);
    }
    may_fail_and_keep(m);
    return true;
}

static bool load_entry(load_ctx *c, yaml_document_t *doc, yaml_node_t *entry, vc_model_set *set)
{
    if (entry->type != YAML_MAPPING_NODE)
        return fail(c, entry, "a model must be a mapping with 'function' and 'effects'", NULL);
    if (!check_keys(c, doc, entry))
        return false;
    yaml_node_t *fn = lookup(doc, entry, "function"), *fns = lookup(doc, entry, "functions");
    yaml_node_t *effects = lookup(doc, entry, "effects"), *field = lookup(doc, entry, "field");
    if ((!fn && !fns) || (fn && !scalar(fn)))
        return fail(c, entry, "a model needs 'function: NAME' or 'functions: [NAMES]'", NULL);
    if (field && !scalar(field))
        return fail(c, field, "'field' must be a member name", NULL);
    if (fns && fns->type != YAML_SEQUENCE_NODE)
        return fail(c, fns, "'functions' must be a list of names", NULL);
    char origin[512];
    snprintf(origin, sizeof origin, "%s:%lu", c->path, (unsigned long)entry->start_mark.line + 1);
    int count = fn ? 1 : (int)(fns->data.sequence.items.top - fns->data.sequence.items.start);
    for (int i = 0; i < count; i++) {
        yaml_node_t *name =
            fn ? fn : yaml_document_get_node(doc, fns->data.sequence.items.start[i]);
        if (!scalar(name) || !*scalar(name))
            return fail(c, name, "a function name must be a non-empty string", NULL);
        vc_model *m = model_set_add(set, scalar(name), origin);
        if (!load_effects(c, doc, effects, m, scalar(field)))
            return false;
    }
    return true;
}

bool model_set_load_yaml(vc_model_set *set, const char *path, char *err, int errlen)
{
    load_ctx c = {path, err, errlen};
    yaml_document_t doc;
    if (!yaml_file_load(path, &doc, err, errlen))
        return false;
    yaml_node_t *root = yaml_document_get_root_node(&doc);
    yaml_node_t *models =
        root && root->type == YAML_MAPPING_NODE ? lookup(&doc, root, "models") : NULL;
    bool ok = true;
    if (!root)
        ok = fail(&c, NULL, "the file is empty: expected 'models:'", NULL);
    else if (!models || models->type != YAML_SEQUENCE_NODE)
        ok = fail(&c, root, "expected a top-level 'models:' list", NULL);
    for (yaml_node_item_t *it = ok ? models->data.sequence.items.start : NULL;
         ok && it < models->data.sequence.items.top; it++)
        ok = load_entry(&c, &doc, yaml_document_get_node(&doc, *it), set);
    yaml_document_delete(&doc);
    return ok;
}
