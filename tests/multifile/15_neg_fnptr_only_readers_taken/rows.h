/* Row visitors of one function type: readers (readers.c) are passed by address to for_each_row
 * (visit.c); zero_row (writers.c) has the same type but is only called directly. No finding in
 * a header. */
#ifndef ROWS_H
#define ROWS_H

#include <nda.h>

typedef void (*row_fn)(nda_array *row);

void for_each_row(nda_array *m, row_fn f);
void print_row(nda_array *row);
void check_row(nda_array *row);
void zero_row(nda_array *row);

#endif
