/* String to integer map (open addressing); keys are copied. */
#ifndef VC_STRMAP_H
#define VC_STRMAP_H

#include <stddef.h>

typedef struct {
    char **keys;
    int *values;
    size_t cap, count;
} strmap;

void strmap_init(strmap *m);
void strmap_free(strmap *m);
/* Returns the value, or -1 when absent. */
int strmap_get(const strmap *m, const char *key);
void strmap_put(strmap *m, const char *key, int value);

#endif
