/* Defines the global buffer g_buf, made by buffer_init and released by buffer_free. No finding:
 * the window view of it lives in window.c. */
#include "buffer.h"

nda_array *g_buf;

int buffer_init(ptrdiff_t n)
{
    g_buf = nda_arange(n);
    return g_buf ? 0 : -1;
}

void buffer_free(void)
{
    nda_release(g_buf);
    g_buf = NULL;
}
