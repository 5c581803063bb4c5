/* Reading a libFuzzer input as a stream of small choices; an exhausted input reads zeros. */
#ifndef FUZZ_INPUT_H
#define FUZZ_INPUT_H

#include <stddef.h>
#include <stdint.h>

typedef struct {
    const uint8_t *p;
    size_t n;
} fuzz_input;

static inline unsigned fuzz_byte(fuzz_input *in)
{
    if (in->n == 0)
        return 0;
    in->n--;
    return *in->p++;
}

/* A value in [0, range) (range <= 65536). */
static inline unsigned fuzz_below(fuzz_input *in, unsigned range)
{
    if (range <= 1)
        return 0;
    unsigned v = fuzz_byte(in);
    if (range > 256)
        v |= fuzz_byte(in) << 8;
    return v % range;
}

/* A value in [lo, hi]. */
static inline long fuzz_range(fuzz_input *in, long lo, long hi)
{
    return lo + (long)fuzz_below(in, (unsigned)(hi - lo + 1));
}

/* Eight bytes as a signed integer: any value, the extremes included. */
static inline int64_t fuzz_i64(fuzz_input *in)
{
    uint64_t v = 0;
    for (int i = 0; i < 8; i++)
        v |= (uint64_t)fuzz_byte(in) << (8 * i);
    return (int64_t)v;
}

#endif
