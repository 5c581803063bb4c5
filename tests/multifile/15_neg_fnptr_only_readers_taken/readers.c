/* print_row and check_row only read their row; for_each_row (visit.c) gets their addresses.
 * No finding. */
#include "rows.h"

#include <stdio.h>

void print_row(nda_array *row)
{
    nda_print(stdout, row);
    putchar('\n');
}

void check_row(nda_array *row)
{
    if (nda_sum(row) < 0.0)
        puts("negative row");
}
