/* Source excerpts of the finding pages: each file is read once and split into lines; an excerpt
 * shows the lines around one step, with every step on those lines numbered in the margin and
 * the token at the step's column marked. A file that cannot be read is said so. */
#include "html.h"

#include "strmap.h"
#include "util.h"

#include <ctype.h>
#include <errno.h>
#include <stdlib.h>
#include <string.h>

typedef struct {
    char *text;
    size_t *starts; /* line k (from 1) starts at text + starts[k - 1] */
    int nlines;
    int error; /* errno of a file that could not be read, else 0 */
} source;

struct html_sources {
    source *items;
    int n, cap;
    strmap index;
};

html_sources *html_sources_new(void)
{
    html_sources *s = xcalloc(1, sizeof *s);
    strmap_init(&s->index);
    return s;
}

void html_sources_free(html_sources *s)
{
    if (!s)
        return;
    for (int i = 0; i < s->n; i++) {
        free(s->items[i].text);
        free(s->items[i].starts);
    }
    free(s->items);
    strmap_free(&s->index);
    free(s);
}

static void split_lines(source *src, size_t len)
{
    int cap = 0;
    for (size_t at = 0; at < len;) {
        GROW(src->starts, src->nlines, cap);
        src->starts[src->nlines++] = at;
        const char *nl = memchr(src->text + at, '\n', len - at);
        at = nl ? (size_t)(nl - src->text) + 1 : len;
    }
}

static const source *load(html_sources *s, const char *path)
{
    int i = strmap_get(&s->index, path);
    if (i >= 0)
        return &s->items[i];
    GROW(s->items, s->n, s->cap);
    source *src = &s->items[s->n];
    memset(src, 0, sizeof *src);
    size_t len = 0;
    errno = 0;
    src->text = read_file(path, &len);
    if (!src->text)
        src->error = errno ? errno : EIO;
    else
        split_lines(src, len);
    strmap_put(&s->index, path, s->n);
    return &s->items[s->n++];
}

/* Line k of src (from 1), without its line end. */
static const char *line_text(const source *src, int k, size_t *len)
{
    const char *start = src->text + src->starts[k - 1];
    const char *end = strchr(start, '\n');
    if (!end)
        end = start + strlen(start);
    if (end > start && end[-1] == '\r')
        end--;
    *len = (size_t)(end - start);
    return start;
}

/* The line with the token that starts at column col (from 1) marked. */
static void code_line(FILE *out, const char *text, size_t len, unsigned col)
{
    size_t at = col ? col - 1 : len;
    if (at >= len) {
        html_escape_n(out, text, len);
        return;
    }
    size_t end = at;
    while (end < len && (isalnum((unsigned char)text[end]) || text[end] == '_'))
        end++;
    if (end == at)
        end++;
    while (end < len && ((unsigned char)text[end] & 0xC0) == 0x80)
        end++;
    html_escape_n(out, text, at);
    fputs("<mark>", out);
    html_escape_n(out, text + at, end - at);
    fputs("</mark>", out);
    html_escape_n(out, text + end, len - end);
}

static void step_link(FILE *out, const html_step *steps, int j)
{
    fprintf(out, "<a class=\"step%s\" href=\"#step-%d\">%d</a>", steps[j].primary ? " primary" : "",
            j + 1, j + 1);
}

static void code_row(FILE *out, const source *src, const html_step *steps, int nsteps, int k,
                     int line)
{
    const html_step *st = &steps[k];
    bool other = false;
    for (int j = 0; j < nsteps; j++)
        if (j != k && steps[j].line == (unsigned)line && strcmp(steps[j].file, st->file) == 0)
            other = true;
    bool here = st->line == (unsigned)line;
    fprintf(out, "<tr%s><td class=\"mark\">",
            here    ? " class=\"hl\""
            : other ? " class=\"other\""
                    : "");
    for (int j = 0; j < nsteps; j++)
        if (steps[j].line == (unsigned)line && strcmp(steps[j].file, st->file) == 0)
            step_link(out, steps, j);
    size_t len;
    const char *text = line_text(src, line, &len);
    fprintf(out, "</td><td class=\"ln\">%d</td><td class=\"text\">", line);
    code_line(out, text, len, here ? st->col : 0);
    fputs("</td></tr>\n", out);
}

static void heading(FILE *out, const vc_report *r, const html_step *steps, int nsteps, int k)
{
    const html_step *st = &steps[k];
    fputs("<h3>", out);
    step_link(out, steps, k);
    fputs(" <span class=\"loc\">", out);
    html_step_where(out, r, steps, nsteps, k, true);
    fputs("</span> <span>", out);
    html_escape(out, st->message);
    fputs("</span>", out);
    if (st->primary)
        fputs(" <span class=\"badge rule\">reported here</span>", out);
    fputs("</h3>\n", out);
}

void html_source_excerpt(FILE *out, html_sources *s, const vc_report *r, const html_step *steps,
                         int nsteps, int k, int context)
{
    const html_step *st = &steps[k];
    const source *src = load(s, st->file);
    fprintf(out, "<section class=\"excerpt\" id=\"step-%d\">\n", k + 1);
    heading(out, r, steps, nsteps, k);
    if (src->error) {
        fputs("<p class=\"unreadable\">The source is not available: ", out);
        html_escape(out, html_display_path(r, st->file));
        fputs(" could not be read (", out);
        html_escape(out, strerror(src->error));
        fputs(").</p>\n", out);
    } else if (st->line < 1 || st->line > (unsigned)src->nlines) {
        fprintf(out,
                "<p class=\"unreadable\">Line %u is not in the file as it is now (%d lines).</p>\n",
                st->line, src->nlines);
    } else {
        int first = (int)st->line - context < 1 ? 1 : (int)st->line - context;
        int last = (int)st->line + context > src->nlines ? src->nlines : (int)st->line + context;
        fputs("<div class=\"code-scroll\"><table class=\"code\"><tbody>\n", out);
        for (int line = first; line <= last; line++)
            code_row(out, src, steps, nsteps, k, line);
        fputs("</tbody></table></div>\n", out);
    }
    fputs("</section>\n", out);
}
