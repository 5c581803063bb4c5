/* HTML escaping: the five characters that can end a text node or an attribute value. */
#include "html.h"

#include "util.h"

#include <string.h>

static const char *entity(char c)
{
    switch (c) {
    case '&':
        return "&amp;";
    case '<':
        return "&lt;";
    case '>':
        return "&gt;";
    case '"':
        return "&quot;";
    case '\'':
        return "&#39;";
    default:
        return NULL;
    }
}

void html_escape_n(FILE *out, const char *s, size_t n)
{
    size_t start = 0;
    for (size_t i = 0; i < n; i++) {
        const char *e = entity(s[i]);
        if (!e)
            continue;
        fwrite(s + start, 1, i - start, out);
        fputs(e, out);
        start = i + 1;
    }
    fwrite(s + start, 1, n - start, out);
}

void html_escape(FILE *out, const char *s)
{
    if (s)
        html_escape_n(out, s, strlen(s));
}

char *html_escaped(const char *s)
{
    size_t n = 1;
    for (const char *p = s; *p; p++) {
        const char *e = entity(*p);
        n += e ? strlen(e) : 1;
    }
    char *out = xmalloc(n), *q = out;
    for (const char *p = s; *p; p++) {
        const char *e = entity(*p);
        if (e) {
            size_t len = strlen(e);
            memcpy(q, e, len);
            q += len;
        } else {
            *q++ = *p;
        }
    }
    *q = '\0';
    return out;
}
