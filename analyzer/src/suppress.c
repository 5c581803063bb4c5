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

void suppress_apply(vc_findings *fs, int from, vc_unit *const *units, int nunits)
{
    for (int i = from; i < fs->n; i++) {
        vc_finding *f = &fs->items[i];
        const vc_file *file = find_file(units, nunits, f->file);
        for (unsigned l = f->line; file && l + 1 >= f->line && l >= 1; l--) {
            if ((int)l > file->nlines)
                continue;
            char *reason = NULL;
            if (suppress_line_matches(file->lines[l - 1], f->rule, &reason)) {
                f->suppressed = true;
                f->suppression_reason = reason;
                break;
            }
            if (l == 1)
                break;
        }
    }
}

static uint64_t fnv(uint64_t h, const char *s)
{
    for (; *s; s++)
        h = (h ^ (unsigned char)*s) * 1099511628211ull;
    return (h ^ 0xff) * 1099511628211ull;
}

/* The line's text with runs of white space collapsed and the ends trimmed. */
static char *normalized(const char *line)
{
    char *out = xmalloc(strlen(line) + 1), *o = out;
    bool space = false;
    for (const char *p = line; *p; p++) {
        if (isspace((unsigned char)*p)) {
            space = o != out;
            continue;
        }
        if (space)
            *o++ = ' ';
        space = false;
        *o++ = *p;
    }
    *o = '\0';
    return out;
}

void fingerprint_apply(vc_findings *fs, int from, vc_unit *const *units, int nunits)
{
    for (int i = from; i < fs->n; i++) {
        vc_finding *f = &fs->items[i];
        const vc_file *file = find_file(units, nunits, f->file);
        const char *base = strrchr(f->file, '/');
        uint64_t h = 1469598103934665603ull;
        h = fnv(h, f->rule);
        h = fnv(h, base ? base + 1 : f->file);
        h = fnv(h, f->function);
        if (file && f->line >= 1 && (int)f->line <= file->nlines) {
            char *text = normalized(file->lines[f->line - 1]);
            h = fnv(h, text);
            free(text);
        }
        free(f->fingerprint);
        f->fingerprint = xasprintf("%016llx", (unsigned long long)h);
    }
}
