#define _DEFAULT_SOURCE
#include "config.h"

#include "strmap.h"
#include "util.h"
#include "yaml_file.h"

#include <errno.h>
#include <fnmatch.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
#include <yaml.h>

struct vc_configs {
    strmap by_dir; /* directory -> index into list, -2 when none up the tree */
    vc_project_config *list;
    int n, cap;
};

vc_configs *configs_new(void)
{
    vc_configs *c = xcalloc(1, sizeof *c);
    strmap_init(&c->by_dir);
    return c;
}

static void config_clear(vc_project_config *p)
{
    for (int i = 0; i < p->nmodels; i++)
        free(p->models[i]);
    for (int i = 0; i < p->nexclude; i++)
        free(p->exclude[i]);
    free(p->models);
    free(p->exclude);
    free(p->checks);
    free(p->fail_on);
    free(p->path);
    free(p->dir);
}

void configs_free(vc_configs *c)
{
    if (!c)
        return;
    for (int i = 0; i < c->n; i++)
        config_clear(&c->list[i]);
    free(c->list);
    strmap_free(&c->by_dir);
    free(c);
}

static bool fail(char *err, int errlen, const char *path, const yaml_node_t *at, const char *why)
{
    snprintf(err, (size_t)errlen, "%s:%lu: %s", path,
             at ? (unsigned long)at->start_mark.line + 1 : 1ul, why);
    return false;
}

static const char *scalar(const yaml_node_t *n)
{
    return n && n->type == YAML_SCALAR_NODE ? (const char *)n->data.scalar.value : NULL;
}

/* A list of paths relative to the configuration's directory. */
static bool path_list(yaml_document_t *doc, yaml_node_t *n, const char *dir, char ***out,
                      int *count, const char *path, char *err, int errlen)
{
    if (n->type != YAML_SEQUENCE_NODE)
        return fail(err, errlen, path, n, "expected a list of paths");
    for (yaml_node_item_t *it = n->data.sequence.items.start; it < n->data.sequence.items.top;
         it++) {
        const char *v = scalar(yaml_document_get_node(doc, *it));
        if (!v)
            return fail(err, errlen, path, n, "expected a list of paths");
        *out = xrealloc(*out, (size_t)(*count + 1) * sizeof **out);
        (*out)[(*count)++] = v[0] == '/' ? xstrdup(v) : xasprintf("%s/%s", dir, v);
    }
    return true;
}

static bool parse_entry(yaml_document_t *doc, yaml_node_pair_t *p, vc_project_config *cfg,
                        char *err, int errlen)
{
    yaml_node_t *kn = yaml_document_get_node(doc, p->key),
                *vn = yaml_document_get_node(doc, p->value);
    const char *key = scalar(kn);
    if (key && strcmp(key, "checks") == 0 && scalar(vn)) {
        free(cfg->checks); /* a key given twice: the last one holds, as in other YAML readers */
        cfg->checks = xstrdup(scalar(vn));
    } else if (key && strcmp(key, "fail-on") == 0 && scalar(vn)) {
        const char *v = scalar(vn);
        if (strcmp(v, "error") && strcmp(v, "warning") && strcmp(v, "none"))
            return fail(err, errlen, cfg->path, vn, "fail-on must be error, warning or none");
        free(cfg->fail_on);
        cfg->fail_on = xstrdup(v);
    } else if (key && strcmp(key, "models") == 0) {
        return path_list(doc, vn, cfg->dir, &cfg->models, &cfg->nmodels, cfg->path, err, errlen);
    } else if (key && strcmp(key, "exclude") == 0) {
        return path_list(doc, vn, cfg->dir, &cfg->exclude, &cfg->nexclude, cfg->path, err, errlen);
    } else {
        return fail(err, errlen, cfg->path, kn,
                    "unknown or malformed key (checks, fail-on, models, exclude)");
    }
    return true;
}

static bool parse(vc_project_config *cfg, char *err, int errlen)
{
    yaml_document_t doc;
    if (!yaml_file_load(cfg->path, &doc, err, errlen))
        return false;
    yaml_node_t *root = yaml_document_get_root_node(&doc);
    bool ok = true;
    if (root && root->type != YAML_MAPPING_NODE)
        ok = fail(err, errlen, cfg->path, root, "expected a mapping of settings");
    for (yaml_node_pair_t *p = root && ok ? root->data.mapping.pairs.start : NULL;
         p && p < root->data.mapping.pairs.top && ok; p++)
        ok = parse_entry(&doc, p, cfg, err, errlen);
    yaml_document_delete(&doc);
    return ok;
}

/* The configuration found from `dir` upward (cached per directory), or -2. */
static int lookup(vc_configs *c, const char *dir, char *err, int errlen, bool *ok)
{
    int cached = strmap_get(&c->by_dir, dir);
    if (cached != -1)
        return cached;
    char *path = xasprintf("%s/.viewcheck.yaml", dir);
    struct stat st;
    int found = -2;
    if (stat(path, &st) == 0) {
        GROW(c->list, c->n, c->cap);
        vc_project_config *cfg = &c->list[c->n];
        memset(cfg, 0, sizeof *cfg);
        cfg->path = xstrdup(path);
        cfg->dir = xstrdup(dir);
        *ok = parse(cfg, err, errlen);
        found = c->n++;
    } else {
        char *parent = xstrdup(dir), *slash = strrchr(parent, '/');
        if (slash && slash != parent) {
            *slash = '\0';
            found = lookup(c, parent, err, errlen, ok);
        } else if (slash && parent[1]) {
            found = lookup(c, "/", err, errlen, ok);
        }
        free(parent);
    }
    free(path);
    strmap_put(&c->by_dir, dir, found);
    return found;
}

bool configs_for(vc_configs *c, const char *file, const vc_project_config **out, char *err,
                 int errlen)
{
    char real[PATH_MAX];
    *out = NULL;
    if (!realpath(file, real))
        return true; /* unreadable files are reported by the analysis */
    struct stat st;
    char *slash = strrchr(real, '/');
    if (slash && !(stat(real, &st) == 0 && S_ISDIR(st.st_mode))) /* a file: its directory */
        *slash = '\0';
    bool ok = true;
    int i = lookup(c, real[0] ? real : "/", err, errlen, &ok);
    if (i >= 0)
        *out = &c->list[i];
    return ok;
}

bool config_excludes(const vc_project_config *cfg, const char *file)
{
    char real[PATH_MAX];
    if (!cfg || !realpath(file, real))
        return false;
    for (int i = 0; i < cfg->nexclude; i++) {
        const char *pattern = cfg->exclude[i];
        size_t n = strlen(pattern);
        bool prefix = n > 0 && pattern[n - 1] == '/' && strncmp(real, pattern, n) == 0;
        if (prefix || fnmatch(pattern, real, FNM_PATHNAME) == 0 || fnmatch(pattern, real, 0) == 0)
            return true;
    }
    return false;
}
