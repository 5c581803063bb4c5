/* A growable string in the style of git's strbuf: an empty buffer points to one shared static
 * byte, growing reallocs (the static byte is never passed to realloc), and releasing frees the
 * heap block and then resets the whole struct from a blank one with memcpy, so buf points to the
 * shared byte again. Releasing twice and reading after release are fine: no VC007. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static char empty_byte[1];

struct text {
    size_t alloc, len;
    char *buf;
};

#define TEXT_INIT                                                                                  \
    {                                                                                              \
        0, 0, empty_byte                                                                           \
    }

static void text_init(struct text *t)
{
    struct text blank = TEXT_INIT;
    memcpy(t, &blank, sizeof(*t));
}

static void text_release(struct text *t)
{
    if (t->alloc) {
        free(t->buf);
        text_init(t);
    }
}

static void text_add(struct text *t, const char *s)
{
    size_t n = strlen(s);
    char *old = t->alloc ? t->buf : NULL;
    char *grown = realloc(old, t->len + n + 1);
    if (!grown)
        abort();
    memcpy(grown + t->len, s, n + 1);
    t->buf = grown;
    t->len += n;
    t->alloc = t->len + 1;
}

int main(void)
{
    struct text t = TEXT_INIT;
    text_release(&t);
    printf("empty: '%s'\n", t.buf);
    text_add(&t, "hello");
    text_add(&t, ", world");
    printf("%s\n", t.buf);
    text_release(&t);
    printf("after release: '%s'\n", t.buf);
    text_release(&t);
    return 0;
}
