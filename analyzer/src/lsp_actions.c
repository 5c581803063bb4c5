/* Code actions (quick fixes) for the findings on the requested lines:
 *
 * - "Suppress VCnnn on this line": `// viewcheck: ignore VCnnn` at the end of the line; on the line
 *   above when the line has a comment already; or the id added to a `viewcheck: ignore` comment
 *   that is there.
 * - "Make 'x' a copy", for a finding whose story starts at a view-creating call ("'x' created
 *   here", "read-only from here"), only where the edit is exact:
 *     nda_view(a) -> nda_copy(a), nda_ravel(a) -> nda_flatten(a), nda_ascontiguous(a) ->
 * nda_copy(a) (the same shape and values, always a fresh array); and for nda_slice, nda_index,
 * nda_row, nda_col, nda_transpose, nda_diagonal, nda_broadcast_to, nda_as_strided and nda_reshape,
 * when the call is the whole right-hand side of a one-line `nda_array *x = CALL;` or `x = CALL;`,
 *   a copy of the view that is released at once:
 *     nda_array *x_view = CALL;
 *     nda_array *x = nda_copy(x_view);
 *     nda_release(x_view);
 *   Nothing is offered elsewhere (a call inside an argument list, a statement over several lines):
 *   `nda_copy(nda_slice(...))` would leak the slice. */
#define _DEFAULT_SOURCE
#include "lsp.h"

#include "util.h"

#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static const struct {
    const char *view, *copy;
} exact_copies[] = {
    {"nda_view", "nda_copy"}, {"nda_ravel", "nda_flatten"}, {"nda_ascontiguous", "nda_copy"}};

static const char *const view_calls[] = {"nda_slice",        "nda_index",      "nda_row",
                                         "nda_col",          "nda_transpose",  "nda_diagonal",
                                         "nda_broadcast_to", "nda_as_strided", "nda_reshape"};

static bool ident_char(char c)
{
    return isalnum((unsigned char)c) || c == '_';
}

static json_t *position(long line, long character)
{
    return json_pack("{s:i,s:i}", "line", (json_int_t)line, "character", (json_int_t)character);
}

/* A TextEdit replacing bytes [b0, b1) of 0-based line `line` of `text`. */
static json_t *text_edit(const char *text, size_t len, long line, size_t b0, size_t b1,
                         const char *new_text, bool utf8)
{
    const char *start = "";
    size_t n = 0;
    lsp_line(text, len, line, &start, &n);
    json_t *range = json_object();
    json_object_set_new(range, "start", position(line, lsp_character(start, n, b0, utf8)));
    json_object_set_new(range, "end", position(line, lsp_character(start, n, b1, utf8)));
    return json_pack("{s:o,s:s}", "range", range, "newText", new_text);
}

static json_t *action(const char *title, json_t *diag, const char *uri, json_t *edits,
                      bool preferred)
{
    json_t *changes = json_object();
    json_object_set_new(changes, uri, edits);
    json_t *a = json_pack("{s:s,s:s,s:[O],s:{s:o}}", "title", title, "kind", "quickfix",
                          "diagnostics", diag, "edit", "changes", changes);
    if (preferred)
        json_object_set_new(a, "isPreferred", json_true());
    return a;
}

/* Where the ids of a `viewcheck: ignore` comment on the line end (to add one), or -1. */
static long ignore_ids_end(const char *line, size_t n)
{
    char *copy = xstrndup(line, n);
    char *p = strstr(copy, "viewcheck:");
    long at = -1;
    if (p) {
        p += 10;
        while (*p == ' ' || *p == '\t')
            p++;
        if (strncmp(p, "ignore", 6) == 0 && !isalnum((unsigned char)p[6])) {
            p += 6;
            char *stop = strstr(p, "--");
            if (!stop)
                stop = p + strcspn(p, "*\n");
            char *last = p;
            for (char *q = p; q < stop;) {
                while (q < stop && (isspace((unsigned char)*q) || *q == ','))
                    q++;
                char *w = q;
                while (q < stop && isalnum((unsigned char)*q))
                    q++;
                if (q == w)
                    break;
                last = q;
            }
            at = last - copy;
        }
    }
    free(copy);
    return at;
}

/* Does the line have a comment (outside string and character literals)? */
static bool has_comment(const char *line, size_t n)
{
    char quote = 0;
    for (size_t i = 0; i + 1 < n; i++) {
        if (quote) {
            if (line[i] == '\\')
                i++;
            else if (line[i] == quote)
                quote = 0;
        } else if (line[i] == '"' || line[i] == '\'') {
            quote = line[i];
        } else if (line[i] == '/' && (line[i + 1] == '/' || line[i + 1] == '*')) {
            return true;
        }
    }
    return false;
}

static bool only_comment(const char *line, size_t n)
{
    size_t i = 0;
    while (i < n && isspace((unsigned char)line[i]))
        i++;
    return i + 1 < n && line[i] == '/' && (line[i + 1] == '/' || line[i + 1] == '*');
}

static json_t *suppress_action(lsp_server *s, lsp_doc *d, const char *rule, long line, json_t *diag)
{
    const char *start, *above = NULL;
    size_t n, above_n = 0;
    if (!lsp_line(d->text, d->len, line, &start, &n))
        return NULL;
    if (line > 0)
        lsp_line(d->text, d->len, line - 1, &above, &above_n);
    json_t *edit;
    long at;
    char *add = xasprintf(", %s", rule);
    if ((at = ignore_ids_end(start, n)) >= 0) {
        edit = text_edit(d->text, d->len, line, (size_t)at, (size_t)at, add, s->set.utf8);
    } else if (above && only_comment(above, above_n) &&
               (at = ignore_ids_end(above, above_n)) >= 0) {
        edit = text_edit(d->text, d->len, line - 1, (size_t)at, (size_t)at, add, s->set.utf8);
    } else if (!has_comment(start, n)) {
        size_t end = n;
        while (end > 0 && isspace((unsigned char)start[end - 1]))
            end--;
        char *text = xasprintf("  // viewcheck: ignore %s", rule);
        edit = text_edit(d->text, d->len, line, end, n, text, s->set.utf8);
        free(text);
    } else {
        size_t indent = 0;
        while (indent < n && (start[indent] == ' ' || start[indent] == '\t'))
            indent++;
        char *text = xasprintf("%.*s// viewcheck: ignore %s\n", (int)indent, start, rule);
        edit = text_edit(d->text, d->len, line, 0, 0, text, s->set.utf8);
        free(text);
    }
    free(add);
    char *title = xasprintf("Suppress %s on this line", rule);
    json_t *a = action(title, diag, d->uri, json_pack("[o]", edit), false);
    free(title);
    return a;
}

/* An identifier that does not occur in the text, from `base`. */
static char *fresh_name(const char *text, const char *base)
{
    for (int k = 1;; k++) {
        char *name = k == 1 ? xasprintf("%s_view", base) : xasprintf("%s_view%d", base, k);
        size_t len = strlen(name);
        bool used = false;
        for (const char *p = text; !used && (p = strstr(p, name)); p += len)
            used = (p == text || !ident_char(p[-1])) && !ident_char(p[len]);
        if (!used)
            return name;
        free(name);
    }
}

/* `nda_array *NAME =` / `const nda_array *NAME =` (a declaration) or an lvalue `a`, `s->a.b`
 * followed by `=`: the text before the '=' (trimmed) and the last identifier; false otherwise. */
static bool simple_target(const char *prefix, size_t n, size_t *indent, size_t *lhs_end,
                          char **base)
{
    size_t i = 0;
    while (i < n && (prefix[i] == ' ' || prefix[i] == '\t'))
        i++;
    *indent = i;
    size_t e = n;
    while (e > i && isspace((unsigned char)prefix[e - 1]))
        e--;
    if (e == i || prefix[e - 1] != '=')
        return false;
    e--;
    if (e > i && strchr("=!<>+-*/%&|^", prefix[e - 1]))
        return false; /* ==, +=, ... */
    while (e > i && isspace((unsigned char)prefix[e - 1]))
        e--;
    *lhs_end = e;
    char *lhs = xstrndup(prefix + i, e - i);
    const char *p = lhs;
    if (strncmp(p, "const ", 6) == 0)
        p += 6;
    bool ok = false;
    if (strncmp(p, "nda_array", 9) == 0 && !ident_char(p[9])) { /* a declaration */
        p += 9;
        while (*p == ' ')
            p++;
        if (*p++ == '*') {
            while (*p == ' ')
                p++;
            const char *w = p;
            while (ident_char(*p))
                p++;
            ok = p > w && !*p && !isdigit((unsigned char)*w);
        }
    } else { /* an lvalue: identifiers joined by -> and . */
        p = lhs;
        ok = true;
        while (ok) {
            const char *w = p;
            while (ident_char(*p))
                p++;
            ok = p > w && !isdigit((unsigned char)*w);
            if (!*p)
                break;
            if (strncmp(p, "->", 2) == 0)
                p += 2;
            else if (*p == '.')
                p++;
            else
                ok = false;
        }
    }
    if (ok) {
        const char *end = lhs + strlen(lhs), *w = end;
        while (w > lhs && ident_char(w[-1]))
            w--;
        *base = xstrndup(w, (size_t)(end - w));
    }
    free(lhs);
    return ok;
}

/* The "make a copy" action for a view created at (line, col) of a file, or NULL. */
static json_t *copy_action(lsp_server *s, const char *file, long line, size_t col, const char *what,
                           json_t *diag)
{
    size_t len = 0;
    char *canon = lsp_canonical(file);
    lsp_doc *where = docs_find_path(&s->docs, canon);
    char *text = lsp_file_text(s, canon, &len);
    char *uri = where ? xstrdup(where->uri) : lsp_path_to_uri(canon);
    free(canon);
    const char *start;
    size_t n;
    json_t *a = NULL;
    if (!text || !lsp_line(text, len, line, &start, &n) || col >= n) {
        free(text);
        free(uri);
        return NULL;
    }
    size_t e = col;
    while (e < n && ident_char(start[e]))
        e++;
    char *name = xstrndup(start + col, e - col);
    size_t open = e;
    while (open < n && (start[open] == ' ' || start[open] == '\t'))
        open++;
    size_t close = 0;
    if (open < n && start[open] == '(') { /* the call's closing parenthesis */
        int depth = 0;
        for (size_t i = open; i < n && !close; i++)
            if (start[i] == '(')
                depth++;
            else if (start[i] == ')' && --depth == 0)
                close = i + 1;
    }
    const char *copy = NULL;
    for (size_t i = 0; i < sizeof exact_copies / sizeof *exact_copies; i++)
        if (strcmp(name, exact_copies[i].view) == 0)
            copy = exact_copies[i].copy;
    bool via_view = false;
    for (size_t i = 0; i < sizeof view_calls / sizeof *view_calls; i++)
        via_view |= strcmp(name, view_calls[i]) == 0;
    char *title = NULL;
    if (close && copy) {
        title = xasprintf("Make %s a copy: %s(...) -> %s(...)", what, name, copy);
        a = action(title, diag, uri,
                   json_pack("[o]", text_edit(text, len, line, col, e, copy, s->set.utf8)), true);
    } else if (close && via_view) {
        size_t rest = close;
        while (rest < n && (start[rest] == ' ' || start[rest] == '\t'))
            rest++;
        size_t after = rest + 1, k = after;
        while (k < n && isspace((unsigned char)start[k]))
            k++;
        bool statement_ends = rest < n && start[rest] == ';' &&
                              (k == n || (k + 1 < n && start[k] == '/' &&
                                          (start[k + 1] == '/' || start[k + 1] == '*')));
        size_t indent, lhs_end;
        char *base = NULL;
        if (statement_ends && simple_target(start, col, &indent, &lhs_end, &base)) {
            char *tmp = fresh_name(text, base);
            char *new_text = xasprintf(
                "%.*snda_array *%s = %.*s;\n%.*s%.*s = nda_copy(%s);%.*s\n%.*snda_release(%s);",
                (int)indent, start, tmp, (int)(close - col), start + col, (int)indent, start,
                (int)(lhs_end - indent), start + indent, tmp, (int)(n - after), start + after,
                (int)indent, start, tmp);
            title =
                xasprintf("Make %s a copy: nda_copy of the %s view, released at once", what, name);
            a = action(title, diag, uri,
                       json_pack("[o]", text_edit(text, len, line, 0, n, new_text, s->set.utf8)),
                       false);
            free(tmp);
            free(new_text);
        }
        free(base);
    }
    free(title);
    free(name);
    free(text);
    free(uri);
    return a;
}

json_t *lsp_code_actions(lsp_server *s, lsp_doc *d, const json_t *params)
{
    json_t *actions = json_array();
    json_t *only = json_object_get(json_object_get(params, "context"), "only");
    bool wanted = !json_is_array(only) || json_array_size(only) == 0;
    for (size_t i = 0; i < json_array_size(only); i++) {
        const char *k = json_string_value(json_array_get(only, i));
        wanted |= k && (strcmp(k, "quickfix") == 0 || strncmp(k, "quickfix.", 9) == 0);
    }
    json_t *range = json_object_get(params, "range");
    json_t *l0 = json_object_get(json_object_get(range, "start"), "line");
    json_t *l1 = json_object_get(json_object_get(range, "end"), "line");
    if (!wanted || !json_is_integer(l0) || !json_is_integer(l1) ||
        d->findings_revision != d->revision) /* edited since: lines may have moved */
        return actions;
    strmap offered;
    strmap_init(&offered);
    for (size_t i = 0; i < json_array_size(d->findings); i++) {
        json_t *f = json_array_get(d->findings, i);
        long line = (long)json_integer_value(json_object_get(f, "line")) - 1;
        const char *rule = json_string_value(json_object_get(f, "rule"));
        if (!rule || line < json_integer_value(l0) || line > json_integer_value(l1))
            continue;
        json_t *diag = lsp_diagnostic(s, d, f);
        char *key = xasprintf("suppress:%s:%ld", rule, line);
        json_t *a = strmap_get(&offered, key) < 0 ? suppress_action(s, d, rule, line, diag) : NULL;
        strmap_put(&offered, key, 1);
        free(key);
        if (a)
            json_array_append_new(actions, a);
        json_t *notes = json_object_get(f, "notes");
        for (size_t k = 0; k < json_array_size(notes); k++) {
            json_t *n = json_array_get(notes, k);
            const char *msg = json_string_value(json_object_get(n, "message"));
            const char *file = json_string_value(json_object_get(n, "file"));
            if (!msg || !file ||
                (!strstr(msg, " created here") && !strstr(msg, "read-only from here")))
                continue;
            long nline = (long)json_integer_value(json_object_get(n, "line")) - 1;
            long ncol = (long)json_integer_value(json_object_get(n, "col")) - 1;
            key = xasprintf("copy:%s:%ld:%ld", file, nline, ncol);
            bool seen = strmap_get(&offered, key) >= 0;
            strmap_put(&offered, key, 1);
            free(key);
            const char *q = strchr(msg, '\''), *q2 = q ? strchr(q + 1, '\'') : NULL;
            char *what = q && q2 ? xstrndup(q, (size_t)(q2 - q + 1)) : xstrdup("the view");
            a = seen || nline < 0 || ncol < 0
                    ? NULL
                    : copy_action(s, file, nline, (size_t)ncol, what, diag);
            free(what);
            if (a)
                json_array_append_new(actions, a);
        }
        json_decref(diag);
    }
    strmap_free(&offered);
    return actions;
}
