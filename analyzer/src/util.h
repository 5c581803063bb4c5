/* Small allocation and string helpers: allocation failure ends the program with a message. */
#ifndef VC_UTIL_H
#define VC_UTIL_H

#include <stddef.h>

void *xmalloc(size_t n);
void *xcalloc(size_t count, size_t size);
void *xrealloc(void *p, size_t n);
char *xstrdup(const char *s);
char *xstrndup(const char *s, size_t n);
char *xasprintf(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
/* Reads a whole file; NULL (errno set) on failure. */
char *read_file(const char *path, size_t *len);
/* A 64-bit FNV-1a hash of the file's contents as hex text, or NULL when it cannot be read. */
char *file_hash(const char *path);
/* FNV-1a over text, continuing from h (start with 1469598103934665603). */
unsigned long long text_hash(unsigned long long h, const char *text, size_t n);

#define GROW(array, count, cap)                                                                    \
    do {                                                                                           \
        if ((count) >= (cap)) {                                                                    \
            (cap) = (cap) ? 2 * (cap) : 8;                                                         \
            (array) = xrealloc((array), (size_t)(cap) * sizeof *(array));                          \
        }                                                                                          \
    } while (0)

/* A monotonic clock, in seconds. */
double util_seconds(void);

#endif
