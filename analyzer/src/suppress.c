#include "suppress.h"

#include "util.h"

#include <ctype.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static const char MARK[] = "viewcheck:";

bool suppress_line_matches(const char *line, const char *rule, char **reason)
{
    const char *p = strstr(line, MARK);
    if (!p)
        return false;
    p += sizeof MARK - 1;
    while (*p == ' ' || *p == '\t')
        p++;
    if (strncmp(p, "ignore", 6) != 0 || isalnum((unsigned char)p[6]))
        return false;
    p += 6;
    const char *end = strstr(p, "--");
    const char *stop = end ? end : p + strcspn(p, "*\n");
    bool any_id = false, match = false;
    while (p < stop) {
        while (p < stop && (isspace((unsigned char)*p) || *p == ','))
            p++;
        size_t n = 0;
        while (p + n < stop && isalnum((unsigned char)p[n]))
            n++;
        if (n == 0)
            break;
        any_id = true;
        match |= strlen(rule) == n && strncmp(p, rule, n) == 0;
        p += n;
    }
    if (any_id && !match)
        return false;
    if (reason && end) {
        const char *r = end + 2;
        while (isspace((unsigned char)*r))
            r++;
        size_t len = strcspn(r, "\n");
        while (len &&
               (isspace((unsigned char)r[len - 1]) || r[len - 1] == '/' || r[len - 1] == '*'))
            len--;
        *reason = xstrndup(r, len);
    }
    return true;
}

/* The source lines of `path`, from whichever unit read it. */
static const vc_file *find_file(vc_unit *const *units, int nunits, const char *path)
{
    for (int u = 0; u < nunits; u++)
        for (int i = 0; i < units[u]->nfiles; i++)
            if (units[u]->files[i].lines && strcmp(units[u]->files[i].path, path) == 0)
                return &units[u]->files[i];
    return NULL;
}

/* Where a suppression comment that silenced something is: "path:line". */
static char *comment_key(const char *path, unsigned line)
{
    return xasprintf("%s:%u", path, line);
}

void suppress_apply(vc_findings *fs, int from, vc_unit *const *units, int nunits, strmap *used)
{
    for (int i = from; i < fs->n; i++) {
        vc_finding *f = &fs->items[i];
        const vc_file *file = find_file(units, nunits, f->file);
        for (unsigned l = f->line; file && l >= 1 && l + 1 >= f->line; l--) {
            char *reason = NULL;
            if ((int)l <= file->nlines &&
                suppress_line_matches(file->lines[l - 1], f->rule, &reason)) {
                f->suppressed = true;
                f->suppression_reason = reason;
                char *key = comment_key(f->file, l);
                if (used)
                    strmap_put(used, key, 1);
                free(key);
                break;
            }
        }
    }
}

void suppress_report_unused(vc_findings *fs, vc_unit *const *units, int nunits, const strmap *used,
                            const char *rule, const char *level)
{
    strmap seen;
    strmap_init(&seen);
    for (int u = 0; u < nunits; u++) {
        for (int i = 0; i < units[u]->nfiles; i++) {
            const vc_file *file = &units[u]->files[i];
            if (!file->lines || strmap_get(&seen, file->path) >= 0)
                continue;
            strmap_put(&seen, file->path, 1);
            for (int l = 0; l < file->nlines; l++) {
                if (!suppress_line_matches(file->lines[l], "", NULL) &&
                    !strstr(file->lines[l], "viewcheck: ignore"))
                    continue;
                char *key = comment_key(file->path, (unsigned)l + 1);
                if (strmap_get(used, key) < 0 && strstr(file->lines[l], "viewcheck: ignore"))
                    findings_add(fs, rule, level, file->path, (vc_loc){0, (uint32_t)l + 1, 1}, "",
                                 xstrdup("this suppression comment silences no finding"));
                free(key);
            }
        }
    }
    strmap_free(&seen);
}
