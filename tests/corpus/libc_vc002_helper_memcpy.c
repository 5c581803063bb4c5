/* A block-copy helper wraps memcpy; the caller uses it to move records one slot down inside the
 * same table. The overlapping memcpy happens in the helper on behalf of the caller's pointers:
 * VC002 at the call site in main, where table + 1 and table are visible. AddressSanitizer stops
 * the run with memcpy-param-overlap in the helper. */
#include <stdio.h>
#include <string.h>

struct rec {
    int id;
    double value;
};

static void copy_records(struct rec *dst, const struct rec *src, size_t n)
{
    memcpy(dst, src, n * sizeof *dst);
}

int main(void)
{
    struct rec table[5] = {{1, 1.0}, {2, 2.0}, {3, 3.0}, {4, 4.0}, {0, 0.0}};
    copy_records(table + 1, table, 4); // expect: VC002
    table[0].id = 0;
    printf("ids: %d %d %d %d %d\n", table[0].id, table[1].id, table[2].id, table[3].id,
           table[4].id);
    return 0;
}
