/* An LZ-style match copy in the style of zstd's legacy decoders: copy8 moves 8 bytes with
 * memcpy, and wildcopy walks two cursors over the buffers 8 bytes at a time. The match source
 * lies `offset` bytes before the output and the copy is only taken with offset >= 8, so each
 * 8-byte step reads bytes that are already final. memcpy's no-overlap contract covers the 8
 * bytes of each step, not the whole buffers wildcopy was given: no VC002 at the wildcopy call. */
#include <stddef.h>
#include <stdio.h>
#include <string.h>

static void copy8(void *dst, const void *src)
{
    memcpy(dst, src, 8);
}

static void wildcopy(void *dst, const void *src, ptrdiff_t length)
{
    const char *ip = src;
    char *op = dst;
    char *const oend = op + length;
    do {
        copy8(op, ip);
        op += 8;
        ip += 8;
    } while (op < oend);
}

static void exec_match(char *op, size_t offset, size_t len)
{
    const char *match = op - offset;
    if (offset >= 8)
        wildcopy(op, match, (ptrdiff_t)len);
}

int main(void)
{
    char buf[64] = "abcdefghijklmnop";
    exec_match(buf + 16, 16, 16);
    printf("%.32s\n", buf);
    return 0;
}
