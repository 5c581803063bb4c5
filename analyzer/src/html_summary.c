/* The counts of the report's index: per rule, per level and per directory. Unsuppressed findings
 * count by level; suppressed ones count apart, as the run history does. */
#include "html.h"

#include "rules.h"
#include "strmap.h"
#include "util.h"

#include <stdlib.h>
#include <string.h>

const char *html_display_path(const vc_report *r, const char *file)
{
    if (!file)
        return "";
    size_t n = r->root ? strlen(r->root) : 0;
    if (n && strncmp(file, r->root, n) == 0 && file[n] == '/')
        return file + n + 1;
    return file;
}

char *html_directory(const char *path)
{
    const char *slash = strrchr(path, '/');
    if (!slash)
        return xstrdup(".");
    if (slash == path)
        return xstrdup("/");
    return xstrndup(path, (size_t)(slash - path));
}

int html_count_total(const html_count *c)
{
    return c->errors + c->warnings + c->suppressed;
}

static void count(html_count *c, const vc_finding *f)
{
    if (f->suppressed)
        c->suppressed++;
    else if (f->level && strcmp(f->level, "error") == 0)
        c->errors++;
    else
        c->warnings++;
}

/* The entry named name in the list indexed by map, added at the end when new. */
static html_count *entry(html_count **items, int *n, int *cap, strmap *map, const char *name)
{
    int i = strmap_get(map, name);
    if (i < 0) {
        GROW(*items, *n, *cap);
        i = (*n)++;
        (*items)[i] = (html_count){xstrdup(name), 0, 0, 0};
        strmap_put(map, name, i);
    }
    return &(*items)[i];
}

static int by_count_then_name(const void *a, const void *b)
{
    const html_count *x = a, *y = b;
    int d = html_count_total(y) - html_count_total(x);
    return d ? d : strcmp(x->name, y->name);
}

void html_summary_build(html_summary *s, const vc_report *r)
{
    memset(s, 0, sizeof *s);
    strmap rules, dirs, files;
    strmap_init(&rules);
    strmap_init(&dirs);
    strmap_init(&files);
    int rules_cap = 0, dirs_cap = 0;
    for (int i = 0; i < vc_nrules; i++)
        entry(&s->rules, &s->nrules, &rules_cap, &rules, vc_all_rules[i]->id);
    for (int i = 0; i < r->findings->n; i++) {
        const vc_finding *f = &r->findings->items[i];
        const char *path = html_display_path(r, f->file);
        char *dir = html_directory(path);
        count(&s->total, f);
        count(entry(&s->rules, &s->nrules, &rules_cap, &rules, f->rule ? f->rule : "?"), f);
        count(entry(&s->dirs, &s->ndirs, &dirs_cap, &dirs, dir), f);
        if (strmap_get(&files, path) < 0)
            strmap_put(&files, path, s->files++);
        free(dir);
    }
    if (s->ndirs > 1)
        qsort(s->dirs, (size_t)s->ndirs, sizeof *s->dirs, by_count_then_name);
    strmap_free(&rules);
    strmap_free(&dirs);
    strmap_free(&files);
}

void html_summary_free(html_summary *s)
{
    for (int i = 0; i < s->nrules; i++)
        free(s->rules[i].name);
    for (int i = 0; i < s->ndirs; i++)
        free(s->dirs[i].name);
    free(s->rules);
    free(s->dirs);
    memset(s, 0, sizeof *s);
}
