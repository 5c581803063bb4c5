/* A cache takes its own reference with nda_retain; the producer then releases its reference and
 * keeps printing through its own handle. The object is alive (the cache holds it), but `data` gave
 * up its reference: VC007 "even if another reference keeps the object alive". */
#include <nda.h>
#include <stdio.h>

int main(void)
{
    nda_array *data = nda_arange(5);
    if (!data)
        return 1;
    nda_array *cache = nda_retain(data);
    nda_release(data);
    printf("cached %td values\n", nda_size(cache));
    nda_print(stdout, data); // expect: VC007
    putchar('\n');
    nda_release(cache);
    return 0;
}
