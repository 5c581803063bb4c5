/* A lookup cache stores a retained reference to the table in a struct field; later the owner
 * extends the table in place while the cache entry still holds its reference. VC006: "may have
 * another live reference (nda_retain ...)". Run: NDA_EREFERENCED. */
#include <nda.h>
#include <stdio.h>

struct cache {
    nda_array *table;
    double last_sum;
};

static void cache_fill(struct cache *c, nda_array *table)
{
    c->table = nda_retain(table);
    c->last_sum = nda_sum(table);
}

static void cache_clear(struct cache *c)
{
    nda_release(c->table);
    c->table = NULL;
}

int main(void)
{
    nda_array *table = nda_arange(5);
    if (!table)
        return 1;
    struct cache c = {.table = NULL, .last_sum = 0.0};
    cache_fill(&c, table);
    printf("cached sum %g\n", c.last_sum);
    nda_status st = nda_resize(table, 10); // expect: VC006
    printf("resize: %s\n", nda_status_name(st));
    cache_clear(&c);
    nda_release(table);
    return 0;
}
