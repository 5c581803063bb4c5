/* A minimal markdown renderer for the rule pages: headings, paragraphs, bullet and numbered
 * lists, fenced code blocks, and inline `code`, *em* and **strong**. All text is escaped; no
 * markup of the input passes through. */
#include "html.h"

#include <ctype.h>
#include <string.h>

typedef enum { BLOCK_NONE, BLOCK_PARA, BLOCK_UL, BLOCK_OL, BLOCK_CODE } block;

typedef struct {
    FILE *out;
    block open;
    int shift;
} md_state;

/* The end of a span opened by delim at s, or NULL: the delimiter must close on the same line. */
static const char *span_end(const char *s, const char *end, const char *delim)
{
    size_t n = strlen(delim);
    if (s + n >= end || isspace((unsigned char)s[n]))
        return NULL;
    for (const char *p = s + n + 1; p + n <= end; p++)
        if (strncmp(p, delim, n) == 0 && !isspace((unsigned char)p[-1]))
            return p;
    return NULL;
}

static void inline_text(FILE *out, const char *s, const char *end)
{
    static const struct {
        const char *delim, *open, *close;
    } spans[] = {
        {"`", "<code>", "</code>"}, {"**", "<strong>", "</strong>"}, {"*", "<em>", "</em>"}};
    const char *start = s;
    while (s < end) {
        const char *close = NULL;
        size_t k = 0;
        for (; k < sizeof spans / sizeof *spans && !close; k++)
            if (strncmp(s, spans[k].delim, strlen(spans[k].delim)) == 0)
                close = span_end(s, end, spans[k].delim);
        if (!close) {
            s++;
            continue;
        }
        k--;
        size_t n = strlen(spans[k].delim);
        html_escape_n(out, start, (size_t)(s - start));
        fputs(spans[k].open, out);
        html_escape_n(out, s + n, (size_t)(close - s - n));
        fputs(spans[k].close, out);
        s = start = close + n;
    }
    html_escape_n(out, start, (size_t)(end - start));
}

static void close_block(md_state *st)
{
    static const char *const closers[] = {"", "</p>\n", "</li>\n</ul>\n", "</li>\n</ol>\n",
                                          "</code></pre>\n"};
    fputs(closers[st->open], st->out);
    st->open = BLOCK_NONE;
}

/* The length of a list marker ("- ", "* ", "12. ") at the start of s, or 0. */
static size_t list_marker(const char *s, const char *end, block *kind)
{
    if (end - s >= 2 && (s[0] == '-' || s[0] == '*') && s[1] == ' ') {
        *kind = BLOCK_UL;
        return 2;
    }
    const char *p = s;
    while (p < end && isdigit((unsigned char)*p))
        p++;
    if (p > s && end - p >= 2 && p[0] == '.' && p[1] == ' ') {
        *kind = BLOCK_OL;
        return (size_t)(p - s) + 2;
    }
    return 0;
}

static void heading(md_state *st, const char *s, const char *end)
{
    int level = 0;
    while (s < end && *s == '#')
        s++, level++;
    while (s < end && *s == ' ')
        s++;
    level += st->shift;
    if (level > 6)
        level = 6;
    close_block(st);
    fprintf(st->out, "<h%d>", level);
    inline_text(st->out, s, end);
    fprintf(st->out, "</h%d>\n", level);
}

static void list_item(md_state *st, block kind, const char *s, const char *end)
{
    if (st->open == kind) {
        fputs("</li>\n<li>", st->out);
    } else {
        close_block(st);
        fputs(kind == BLOCK_UL ? "<ul>\n<li>" : "<ol>\n<li>", st->out);
        st->open = kind;
    }
    inline_text(st->out, s, end);
}

static bool is_heading(const char *s, const char *end)
{
    const char *p = s;
    while (p < end && *p == '#')
        p++;
    return p > s && p - s <= 6 && (p == end || *p == ' ');
}

static void line(md_state *st, const char *s, const char *end)
{
    bool fence = end - s >= 3 && strncmp(s, "```", 3) == 0;
    if (st->open == BLOCK_CODE) {
        if (fence) {
            close_block(st);
        } else {
            html_escape_n(st->out, s, (size_t)(end - s));
            fputc('\n', st->out);
        }
        return;
    }
    const char *text = s;
    while (text < end && isspace((unsigned char)*text))
        text++;
    block kind;
    size_t marker;
    if (fence) {
        close_block(st);
        fputs("<pre><code>", st->out);
        st->open = BLOCK_CODE;
    } else if (text == end) {
        close_block(st);
    } else if (text == s && is_heading(s, end)) {
        heading(st, s, end);
    } else if (text == s && (marker = list_marker(s, end, &kind)) > 0) {
        list_item(st, kind, s + marker, end);
    } else if (st->open != BLOCK_NONE) { /* a paragraph's or a list item's next line */
        fputc('\n', st->out);
        inline_text(st->out, text, end);
    } else {
        fputs("<p>", st->out);
        st->open = BLOCK_PARA;
        inline_text(st->out, text, end);
    }
}

void html_markdown(FILE *out, const char *md, int shift)
{
    md_state st = {out, BLOCK_NONE, shift};
    for (const char *s = md; s && *s;) {
        const char *end = strchr(s, '\n');
        if (!end)
            end = s + strlen(s);
        line(&st, s, end > s && end[-1] == '\r' ? end - 1 : end);
        s = *end ? end + 1 : end;
    }
    close_block(&st);
}
