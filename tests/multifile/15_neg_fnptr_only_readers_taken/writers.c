/* zero_row writes its row and has the row_fn type, but its address is never taken: it is only
 * called directly, on main's scratch array. No finding. */
#include "rows.h"

void zero_row(nda_array *row)
{
    nda_fill(row, 0.0);
}
