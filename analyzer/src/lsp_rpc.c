/* The base protocol of LSP: `Content-Length: N\r\n\r\n` headers, then N bytes of a JSON-RPC 2.0
 * message. Input may arrive in any pieces (a message split over reads, several in one read);
 * malformed input is dropped up to the next header and answered with a -32700 error. Output goes
 * to a private duplicate of stdout, so that nothing but protocol ever reaches the client. */
#define _GNU_SOURCE
#include "lsp.h"

#include "util.h"

#include <ctype.h>
#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <unistd.h>

bool lsp_verbose;
static int out_fd = -1;
static bool out_ok = true;

ssize_t lsp_reader_fill(lsp_reader *r, int fd)
{
    if (r->cap - r->len < 65536) {
        r->cap = r->cap * 2 + 65536;
        r->buf = xrealloc(r->buf, r->cap + 1);
    }
    ssize_t n;
    do
        n = read(fd, r->buf + r->len, r->cap - r->len);
    while (n < 0 && errno == EINTR);
    if (n > 0)
        r->len += (size_t)n;
    return n;
}

void lsp_reader_free(lsp_reader *r)
{
    free(r->buf);
    memset(r, 0, sizeof *r);
}

static void drop(lsp_reader *r, size_t n)
{
    if (n > r->len)
        n = r->len;
    memmove(r->buf, r->buf + n, r->len - n);
    r->len -= n;
}

/* Where a header may start again after the first byte: the next "Content-Length", or a tail
 * that may be the start of one, or the end. Always past the first byte. */
static size_t resync_point(const lsp_reader *r)
{
    static const char key[] = "content-length";
    for (size_t i = 1; i < r->len; i++) {
        size_t n = r->len - i < sizeof key - 1 ? r->len - i : sizeof key - 1;
        if (strncasecmp(r->buf + i, key, n) == 0)
            return i;
    }
    return r->len;
}

/* Does the buffer start like a header line ("Name:")? 1 yes, 0 no, -1 cannot tell yet. */
static int looks_like_header(const lsp_reader *r)
{
    size_t i = 0;
    while (i < r->len && (isalnum((unsigned char)r->buf[i]) || r->buf[i] == '-'))
        i++;
    if (i == r->len)
        return i < 64 ? -1 : 0;
    return i > 0 && r->buf[i] == ':' ? 1 : 0;
}

static int bad(lsp_reader *r, size_t dropped, char *err, size_t errlen, const char *fmt, ...)
    __attribute__((format(printf, 5, 6)));
static int bad(lsp_reader *r, size_t dropped, char *err, size_t errlen, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(err, errlen, fmt, ap);
    va_end(ap);
    drop(r, dropped);
    r->skipping = true;
    return -1;
}

int lsp_reader_next(lsp_reader *r, json_t **msg, char *err, size_t errlen)
{
    *msg = NULL;
again:;
    size_t blank = 0; /* stray line ends between messages are harmless */
    while (blank < r->len && (r->buf[blank] == '\r' || r->buf[blank] == '\n'))
        blank++;
    drop(r, blank);
    if (r->len == 0)
        return 0;
    int header = looks_like_header(r);
    if (header < 0)
        return 0;
    if (header == 0 && r->skipping) { /* the body of a message whose header was bad */
        drop(r, resync_point(r));
        goto again;
    }
    if (header == 0)
        return bad(r, resync_point(r), err, errlen,
                   "Parse error: expected a 'Content-Length:' header, got other bytes (dropped)");
    /* the end of the headers: an empty line */
    size_t end = 0, body = 0;
    for (size_t i = 0; i + 1 < r->len; i++) {
        if (r->buf[i] == '\n' && r->buf[i + 1] == '\n') {
            end = i + 1, body = i + 2;
            break;
        }
        if (i + 3 < r->len && memcmp(r->buf + i, "\r\n\r\n", 4) == 0) {
            end = i + 2, body = i + 4;
            break;
        }
    }
    if (!body) {
        if (r->len > LSP_MAX_HEADER)
            return bad(r, resync_point(r), err, errlen,
                       "Parse error: no end of the headers in %d bytes (dropped)", LSP_MAX_HEADER);
        return 0;
    }
    size_t length = 0;
    bool have_length = false;
    for (size_t i = 0; i < end;) {
        const char *line = r->buf + i;
        const char *nl = memchr(line, '\n', end - i);
        size_t n = nl ? (size_t)(nl - line) : end - i;
        i += n + 1;
        if (n && line[n - 1] == '\r')
            n--;
        const char *colon = memchr(line, ':', n);
        if (!colon)
            return bad(r, body, err, errlen,
                       "Parse error: malformed header line '%.*s' (message dropped)",
                       (int)(n > 80 ? 80 : n), line);
        if ((size_t)(colon - line) == 14 && strncasecmp(line, "Content-Length", 14) == 0) {
            const char *v = colon + 1, *stop = line + n;
            while (v < stop && (*v == ' ' || *v == '\t'))
                v++;
            while (stop > v && (stop[-1] == ' ' || stop[-1] == '\t'))
                stop--;
            length = 0;
            have_length = v < stop;
            for (const char *p = v; p < stop && have_length; p++) {
                have_length = isdigit((unsigned char)*p) && length <= LSP_MAX_BODY;
                length = length * 10 + (size_t)(*p - '0');
            }
            if (!have_length || length > LSP_MAX_BODY)
                return bad(r, body, err, errlen,
                           "Parse error: invalid Content-Length '%.*s' (message dropped)",
                           (int)(stop - v > 40 ? 40 : stop - v), v);
        }
    }
    if (!have_length)
        return bad(r, body, err, errlen, "Parse error: no Content-Length header (message dropped)");
    if (r->len - body < length)
        return 0;
    r->skipping = false;
    json_error_t jerr;
    *msg = json_loadb(r->buf + body, length, JSON_ALLOW_NUL, &jerr);
    drop(r, body + length);
    if (!*msg) {
        snprintf(err, errlen, "Parse error: invalid JSON at line %d, column %d: %s", jerr.line,
                 jerr.column, jerr.text);
        return -1;
    }
    return 1;
}

void lsp_set_output(int fd)
{
    out_fd = fd;
    out_ok = true;
}

int lsp_output(void)
{
    return out_fd;
}

bool lsp_output_ok(void)
{
    return out_ok;
}

static void write_all(const char *p, size_t n)
{
    while (out_ok && n > 0) {
        ssize_t w = write(out_fd, p, n);
        if (w < 0 && errno == EINTR)
            continue;
        if (w <= 0) {
            out_ok = false;
            return;
        }
        p += w;
        n -= (size_t)w;
    }
}

void lsp_send(json_t *msg)
{
    json_object_set_new(msg, "jsonrpc", json_string("2.0"));
    char *text = json_dumps(msg, JSON_COMPACT | JSON_ENSURE_ASCII);
    json_decref(msg);
    if (!text)
        return;
    size_t n = strlen(text);
    char header[64];
    int h = snprintf(header, sizeof header, "Content-Length: %zu\r\n\r\n", n);
    char *all = xmalloc((size_t)h + n);
    memcpy(all, header, (size_t)h);
    memcpy(all + h, text, n);
    write_all(all, (size_t)h + n); /* one write: a reader never sees half a header */
    free(all);
    free(text);
    if (lsp_verbose)
        fprintf(stderr, "viewcheck lsp: sent %zu bytes\n", n);
}

void lsp_respond(const json_t *id, json_t *result)
{
    json_t *m = json_object();
    json_object_set_new(m, "id", id ? json_deep_copy(id) : json_null());
    json_object_set_new(m, "result", result ? result : json_null());
    lsp_send(m);
}

void lsp_respond_error(const json_t *id, int code, const char *fmt, ...)
{
    char text[1024];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(text, sizeof text, fmt, ap);
    va_end(ap);
    json_t *m = json_object();
    json_object_set_new(m, "id", id ? json_deep_copy(id) : json_null());
    json_object_set_new(m, "error", json_pack("{s:i,s:s}", "code", code, "message", text));
    lsp_send(m);
    fprintf(stderr, "viewcheck lsp: error %d: %s\n", code, text);
}

void lsp_notify(const char *method, json_t *params)
{
    json_t *m = json_object();
    json_object_set_new(m, "method", json_string(method));
    json_object_set_new(m, "params", params ? params : json_object());
    lsp_send(m);
}

static void message(const char *method, int type, const char *fmt, va_list ap)
{
    char text[2048];
    vsnprintf(text, sizeof text, fmt, ap);
    fprintf(stderr, "viewcheck lsp: %s\n", text);
    lsp_notify(method, json_pack("{s:i,s:s}", "type", type, "message", text));
}

void lsp_log(int type, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    message("window/logMessage", type, fmt, ap);
    va_end(ap);
}

void lsp_show(int type, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    message("window/showMessage", type, fmt, ap);
    va_end(ap);
}
