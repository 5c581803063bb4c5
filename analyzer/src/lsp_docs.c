/* The open documents: their text as the editor holds it (edited by didChange, full or by range),
 * file:// URIs, and LSP positions, which count UTF-16 code units unless the client agreed on
 * UTF-8 (findings count bytes from 1). */
#define _DEFAULT_SOURCE
#include "lsp.h"

#include "unit_io.h"
#include "util.h"

#include <ctype.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <unistd.h>

lsp_doc *docs_find(const lsp_docs *d, const char *uri)
{
    for (int i = 0; uri && i < d->n; i++)
        if (strcmp(d->items[i]->uri, uri) == 0)
            return d->items[i];
    return NULL;
}

lsp_doc *docs_find_path(const lsp_docs *d, const char *path)
{
    for (int i = 0; path && i < d->n; i++)
        if (strcmp(d->items[i]->path, path) == 0)
            return d->items[i];
    return NULL;
}

lsp_doc *docs_add(lsp_docs *d, const char *uri, const char *path, const char *text, size_t len,
                  long long version)
{
    lsp_doc *doc = xcalloc(1, sizeof *doc);
    doc->uri = xstrdup(uri);
    doc->path = xstrdup(path);
    doc->text = xstrndup(text, len);
    doc->len = len;
    doc->version = version;
    doc->revision = 1;
    doc->dirty = true;
    GROW(d->items, d->n, d->cap);
    d->items[d->n++] = doc;
    return doc;
}

vc_unit *lsp_doc_unit(lsp_doc *d)
{
    if (!d->unit && d->unit_text) {
        char err[256];
        d->unit = unit_deserialize(d->unit_text, err, sizeof err);
        free(d->unit_text);
        d->unit_text = NULL;
    }
    return d->unit;
}

void lsp_command_clear(lsp_command *c)
{
    for (int i = 0; i < c->nargs; i++)
        free(c->args[i]);
    free(c->args);
    free(c->directory);
    free(c->origin);
    memset(c, 0, sizeof *c);
}

static void doc_free(lsp_doc *doc)
{
    free(doc->uri);
    free(doc->path);
    free(doc->text);
    unit_free(doc->unit);
    free(doc->unit_text);
    lsp_command_clear(&doc->cmd);
    free(doc->checks);
    json_decref(doc->findings);
    free(doc);
}

void docs_remove(lsp_docs *d, lsp_doc *doc)
{
    for (int i = 0; i < d->n; i++) {
        if (d->items[i] == doc) {
            memmove(d->items + i, d->items + i + 1, (size_t)(d->n - i - 1) * sizeof *d->items);
            d->n--;
            break;
        }
    }
    doc_free(doc);
}

void docs_free(lsp_docs *d)
{
    for (int i = 0; i < d->n; i++)
        doc_free(d->items[i]);
    free(d->items);
    memset(d, 0, sizeof *d);
}

/* ---- positions ---------------------------------------------------------------------------- */

bool lsp_line(const char *text, size_t len, long n, const char **start, size_t *linelen)
{
    size_t at = 0;
    for (long i = 0; i < n; i++) {
        const char *nl = at < len ? memchr(text + at, '\n', len - at) : NULL;
        if (!nl)
            return false;
        at = (size_t)(nl - text) + 1;
    }
    const char *nl = at < len ? memchr(text + at, '\n', len - at) : NULL;
    size_t end = nl ? (size_t)(nl - text) : len;
    if (end > at && text[end - 1] == '\r')
        end--;
    *start = text + at;
    *linelen = end - at;
    return true;
}

/* The length in bytes of the UTF-8 sequence starting with `c` (1 for stray bytes). */
static size_t seq_len(unsigned char c)
{
    return c >= 0xf0 && c < 0xf8 ? 4 : c >= 0xe0 ? 3 : c >= 0xc0 ? 2 : 1;
}

size_t lsp_offset(const char *text, size_t len, long line, long character, bool utf8)
{
    const char *start;
    size_t n;
    if (line < 0)
        return 0;
    if (!lsp_line(text, len, line, &start, &n))
        return len;
    size_t at = 0;
    if (character < 0)
        character = 0;
    if (utf8) {
        at = (size_t)character < n ? (size_t)character : n;
    } else {
        for (long units = 0; at < n && units < character;) {
            size_t s = seq_len((unsigned char)start[at]);
            units += s == 4 ? 2 : 1;
            at += s;
        }
        if (at > n)
            at = n;
    }
    return (size_t)(start - text) + at;
}

long lsp_character(const char *line, size_t linelen, size_t byte, bool utf8)
{
    if (byte > linelen)
        byte = linelen;
    if (utf8)
        return (long)byte;
    long units = 0;
    for (size_t at = 0; at < byte;) {
        size_t s = seq_len((unsigned char)line[at]);
        units += s == 4 ? 2 : 1;
        at += s;
    }
    return units;
}

static bool ident_char(char c)
{
    return isalnum((unsigned char)c) || c == '_';
}

/* The byte after the parenthesis matching the one at `open`, or 0 when it is not on the line. */
static size_t matching_paren(const char *line, size_t n, size_t open)
{
    int depth = 0;
    char quote = 0;
    for (size_t i = open; i < n; i++) {
        char c = line[i];
        if (quote) {
            if (c == '\\')
                i++;
            else if (c == quote)
                quote = 0;
        } else if (c == '"' || c == '\'') {
            quote = c;
        } else if (c == '(') {
            depth++;
        } else if (c == ')' && --depth == 0) {
            return i + 1;
        }
    }
    return 0;
}

size_t lsp_extent(const char *line, size_t n, size_t col)
{
    if (col >= n)
        return n;
    size_t i = col;
    if (ident_char(line[i]) && !isdigit((unsigned char)line[i])) {
        while (i < n && ident_char(line[i]))
            i++;
        size_t word = i;
        while (i < n && (line[i] == ' ' || line[i] == '\t'))
            i++;
        if (i < n && line[i] == '(') {
            size_t close = matching_paren(line, n, i);
            return close ? close : word;
        }
    }
    /* the rest of the statement: up to ';' at depth 0, or a comment, or the line's end */
    int depth = 0;
    size_t end = n;
    for (size_t k = col; k < n; k++) {
        char c = line[k];
        if (c == '(' || c == '[')
            depth++;
        else if ((c == ')' || c == ']') && depth > 0)
            depth--;
        else if ((c == ';' && depth == 0) || (c == '/' && k + 1 < n && line[k + 1] == '/')) {
            end = k;
            break;
        } else if (c == ')' || c == ']') { /* leaving the enclosing expression */
            end = k;
            break;
        }
    }
    while (end > col && isspace((unsigned char)line[end - 1]))
        end--;
    return end > col ? end : (col + 1 <= n ? col + 1 : n);
}

json_t *lsp_range(const char *text, size_t len, unsigned line, unsigned col, bool utf8)
{
    long l = line > 0 ? (long)line - 1 : 0;
    const char *start = "";
    size_t n = 0;
    long c0 = col > 0 ? (long)col - 1 : 0, c1 = c0;
    if (text && lsp_line(text, len, l, &start, &n)) {
        size_t b0 = col > 0 ? col - 1 : 0;
        if (b0 > n) /* a column past the end: the whole line */
            b0 = 0;
        if (col == 0) { /* no column: the line without its indentation */
            while (b0 < n && isspace((unsigned char)start[b0]))
                b0++;
        }
        size_t b1 = col == 0 ? n : lsp_extent(start, n, b0);
        c0 = lsp_character(start, n, b0, utf8);
        c1 = lsp_character(start, n, b1, utf8);
    } else {
        c1 = c0 + 1;
    }
    return json_pack("{s:{s:i,s:i},s:{s:i,s:i}}", "start", "line", (json_int_t)l, "character",
                     (json_int_t)c0, "end", "line", (json_int_t)l, "character", (json_int_t)c1);
}

/* ---- edits -------------------------------------------------------------------------------- */

static bool get_position(const json_t *pos, long *line, long *character)
{
    json_t *l = json_object_get(pos, "line"), *c = json_object_get(pos, "character");
    if (!json_is_integer(l) || !json_is_integer(c))
        return false;
    *line = (long)json_integer_value(l);
    *character = (long)json_integer_value(c);
    return *line >= 0 && *character >= 0;
}

bool doc_apply_change(lsp_doc *doc, const json_t *change, bool utf8, char *err, size_t errlen)
{
    json_t *text = json_object_get(change, "text");
    if (!json_is_string(text)) {
        snprintf(err, errlen, "a content change needs 'text'");
        return false;
    }
    const char *t = json_string_value(text);
    size_t tn = json_string_length(text);
    json_t *range = json_object_get(change, "range");
    if (!range || json_is_null(range)) {
        free(doc->text);
        doc->text = xstrndup(t, tn);
        doc->len = tn;
        return true;
    }
    long l0, c0, l1, c1;
    if (!get_position(json_object_get(range, "start"), &l0, &c0) ||
        !get_position(json_object_get(range, "end"), &l1, &c1)) {
        snprintf(err, errlen, "a content change has a malformed 'range'");
        return false;
    }
    size_t a = lsp_offset(doc->text, doc->len, l0, c0, utf8);
    size_t b = lsp_offset(doc->text, doc->len, l1, c1, utf8);
    if (b < a) {
        snprintf(err, errlen, "a content change's range ends before it starts");
        return false;
    }
    size_t n = doc->len - (b - a) + tn;
    char *out = xmalloc(n + 1);
    memcpy(out, doc->text, a);
    memcpy(out + a, t, tn);
    memcpy(out + a + tn, doc->text + b, doc->len - b);
    out[n] = '\0';
    free(doc->text);
    doc->text = out;
    doc->len = n;
    return true;
}

/* ---- URIs --------------------------------------------------------------------------------- */

static int hex(char c)
{
    return isdigit((unsigned char)c) ? c - '0'
           : c >= 'a' && c <= 'f'    ? c - 'a' + 10
           : c >= 'A' && c <= 'F'    ? c - 'A' + 10
                                     : -1;
}

char *lsp_uri_to_path(const char *uri)
{
    if (!uri || strncasecmp(uri, "file://", 7) != 0)
        return NULL;
    const char *p = uri + 7;
    if (strncasecmp(p, "localhost/", 10) == 0)
        p += 9;
    if (*p != '/')
        return NULL; /* a remote host */
    size_t n = strcspn(p, "?#");
    char *out = xmalloc(n + 1), *o = out;
    for (size_t i = 0; i < n; i++) {
        int h1, h2;
        if (p[i] == '%' && i + 2 < n + 1 && (h1 = hex(p[i + 1])) >= 0 &&
            (h2 = hex(p[i + 2])) >= 0) {
            *o++ = (char)(h1 * 16 + h2);
            i += 2;
        } else {
            *o++ = p[i];
        }
    }
    *o = '\0';
    return out;
}

char *lsp_path_to_uri(const char *path)
{
    size_t n = strlen(path);
    char *out = xmalloc(8 + 3 * n + 1), *o = out;
    o += sprintf(o, "file://");
    for (size_t i = 0; i < n; i++) {
        unsigned char c = (unsigned char)path[i];
        if (isalnum(c) || strchr("/-._~", c))
            *o++ = (char)c;
        else
            o += sprintf(o, "%%%02X", c);
    }
    *o = '\0';
    return out;
}

char *lsp_canonical(const char *path)
{
    char buf[PATH_MAX];
    if (realpath(path, buf))
        return xstrdup(buf);
    if (path[0] == '/')
        return xstrdup(path);
    char cwd[PATH_MAX];
    return getcwd(cwd, sizeof cwd) ? xasprintf("%s/%s", cwd, path) : xstrdup(path);
}
