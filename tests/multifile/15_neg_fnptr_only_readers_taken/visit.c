/* for_each_row makes each row view of m, calls f on it and releases it. No finding: the only
 * functions of type row_fn whose address is taken (readers.c) only read. */
#include "rows.h"

void for_each_row(nda_array *m, row_fn f)
{
    for (ptrdiff_t i = 0; i < nda_shape(m)[0]; i++) {
        nda_array *r = nda_row(m, i);
        f(r);
        nda_release(r);
    }
}
