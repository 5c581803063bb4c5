/* Fingerprints that survive unrelated edits: the rule, the file, the enclosing function and the
 * text of the lines involved (the primary line and the lines of its notes), without white space;
 * the file by its name only;
 * never line numbers. Equal fingerprints within one run get an occurrence suffix. */
#include "suppress.h"

#include "util.h"

#include <ctype.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static uint64_t fnv(uint64_t h, const char *s)
{
    for (; *s; s++)
        if (!isspace((unsigned char)*s)) /* reformatting changes nothing */
            h = (h ^ (unsigned char)*s) * 1099511628211ull;
    return (h ^ 0xff) * 1099511628211ull;
}

static const char *line_text(vc_unit *const *units, int nunits, const char *path, unsigned line)
{
    for (int u = 0; u < nunits; u++)
        for (int i = 0; i < units[u]->nfiles; i++) {
            const vc_file *file = &units[u]->files[i];
            if (file->lines && strcmp(file->path, path) == 0)
                return line >= 1 && (int)line <= file->nlines ? file->lines[line - 1] : "";
        }
    return "";
}

/* The file as the fingerprint names it: its name, so that moving the tree or the file to
 * another directory keeps the fingerprint. */
static const char *stable_path(const char *path, const char *root)
{
    (void)root;
    const char *base = strrchr(path, '/');
    return base ? base + 1 : path;
}

void fingerprint_apply(vc_findings *fs, int from, vc_unit *const *units, int nunits,
                       const char *root)
{
    strmap seen;
    strmap_init(&seen);
    for (int i = from; i < fs->n; i++) {
        vc_finding *f = &fs->items[i];
        uint64_t h = 1469598103934665603ull;
        h = fnv(h, f->rule);
        h = fnv(h, stable_path(f->file, root));
        h = fnv(h, f->function);
        h = fnv(h, line_text(units, nunits, f->file, f->line));
        for (int n = 0; n < f->nnotes; n++)
            h = fnv(h, line_text(units, nunits, f->notes[n].file, f->notes[n].line));
        char base[32];
        snprintf(base, sizeof base, "%016llx", (unsigned long long)h);
        int occurrence = strmap_get(&seen, base);
        occurrence = occurrence < 0 ? 1 : occurrence + 1;
        strmap_put(&seen, base, occurrence);
        free(f->fingerprint);
        f->fingerprint = xasprintf("%s:%d", base, occurrence);
    }
    strmap_free(&seen);
}
