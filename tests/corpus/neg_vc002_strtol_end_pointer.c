/* Parsing "12,34" with strtol, passing &p as the end pointer while p + 1 is the string: the
 * restrict on strtol's nptr and endptr is about the characters and the char * object p, which
 * are different memory. A pointer variable's address is its own slot, not what it points to;
 * swapping two string pointers through their slots (by a helper, and by a SWAP macro that takes
 * both addresses in one expansion) writes the slots, not the (read-only) strings: no VC002, no
 * VC001. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static void swap_names(const char **a, const char **b)
{
    char tmp[sizeof *a];
    memcpy(tmp, a, sizeof *a);
    memcpy(a, b, sizeof *a);
    memcpy(b, tmp, sizeof *a);
}

#define SWAP(a, b)                                                                                 \
    do {                                                                                           \
        void *swap_a = &(a), *swap_b = &(b);                                                       \
        unsigned char swap_buffer[sizeof(a)];                                                      \
        memcpy(swap_buffer, swap_a, sizeof(a));                                                    \
        memcpy(swap_a, swap_b, sizeof(a));                                                         \
        memcpy(swap_b, swap_buffer, sizeof(a));                                                    \
    } while (0)

int main(void)
{
    char text[] = "12,34";
    char *p = text;
    long first = strtol(p, &p, 10);
    long second = strtol(p + 1, &p, 10);
    const char *name1 = "left", *name2 = "right";
    void *slot1 = &name1, *slot2 = &name2;
    swap_names(slot1, slot2);
    SWAP(name1, name2); /* git's SWAP: both slots are taken in one macro expansion */
    printf("%ld %ld %s %s\n", first, second, name1, name2);
    return 0;
}
