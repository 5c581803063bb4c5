/* A cache takes its own reference with nda_retain, the producer releases its reference, and the
 * cache keeps reading. `cache` acquired a reference and has not given it up, so its uses are fine
 * even though it is the same object as the released `data`. No finding in this file. */
#include <nda.h>
#include <stdio.h>

int main(void)
{
    nda_array *data = nda_arange(5);
    if (!data)
        return 1;
    nda_array *cache = nda_retain(data);
    nda_release(data);
    printf("cached %td values: ", nda_size(cache));
    nda_print(stdout, cache);
    putchar('\n');
    nda_release(cache);
    return 0;
}
