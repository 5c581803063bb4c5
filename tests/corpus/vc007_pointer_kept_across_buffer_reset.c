/* The same growable string; the caller keeps a plain pointer to the text, releases the string
 * (which frees the heap block and points buf back at the shared empty byte) and prints the kept
 * pointer: it points into the freed block. VC007 at the use (rules.md: a raw data pointer used
 * after its memory's last reference is released). */
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

static void text_release(struct text *t)
{
    if (t->alloc) {
        free(t->buf);
        *t = (struct text)TEXT_INIT;
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

int main(int argc, char **argv)
{
    struct text t = TEXT_INIT;
    text_add(&t, argc > 1 ? argv[1] : "kept");
    const char *kept = t.buf;
    text_release(&t);
    if (argc > 2)
        printf("%s\n", kept); // expect: VC007
    printf("now: '%s'\n", t.buf);
    return 0;
}
