#include "findings.h"

#include "util.h"

#include <stdlib.h>
#include <string.h>

vc_finding *findings_add(vc_findings *fs, const char *rule, const char *level, const char *file,
                         vc_loc loc, const char *function, char *message)
{
    GROW(fs->items, fs->n, fs->cap);
    vc_finding *f = &fs->items[fs->n++];
    memset(f, 0, sizeof *f);
    f->rule = rule;
    f->level = level;
    f->file = xstrdup(file);
    f->line = loc.line;
    f->col = loc.col;
    f->function = xstrdup(function ? function : "");
    f->message = message;
    return f;
}

void finding_note(vc_finding *f, const char *file, vc_loc loc, char *message)
{
    GROW(f->notes, f->nnotes, f->notes_cap);
    f->notes[f->nnotes++] = (vc_note){xstrdup(file), loc.line, loc.col, message};
}

bool findings_has(const vc_findings *fs, const char *rule, const char *file, unsigned line)
{
    for (int i = 0; i < fs->n; i++)
        if (fs->items[i].line == line && strcmp(fs->items[i].rule, rule) == 0 &&
            strcmp(fs->items[i].file, file) == 0)
            return true;
    return false;
}

static int by_location(const void *x, const void *y)
{
    const vc_finding *a = x, *b = y;
    int c = strcmp(a->file, b->file);
    if (c)
        return c;
    if (a->line != b->line)
        return a->line < b->line ? -1 : 1;
    if (a->col != b->col)
        return a->col < b->col ? -1 : 1;
    return strcmp(a->rule, b->rule);
}

void findings_sort(vc_findings *fs)
{
    if (fs->n > 1)
        qsort(fs->items, (size_t)fs->n, sizeof *fs->items, by_location);
}

void finding_clear(vc_finding *f)
{
    for (int n = 0; n < f->nnotes; n++) {
        free(f->notes[n].file);
        free(f->notes[n].message);
    }
    free(f->notes);
    free(f->file);
    free(f->function);
    free(f->message);
    free(f->suppression_reason);
    free(f->fingerprint);
    memset(f, 0, sizeof *f);
}

void findings_free(vc_findings *fs)
{
    for (int i = 0; i < fs->n; i++)
        finding_clear(&fs->items[i]);
    free(fs->items);
    fs->items = NULL;
    fs->n = fs->cap = 0;
}
