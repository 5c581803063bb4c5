/* Mutual recursion across two files that only reads: tree_sum (sum.c) and tree_sum_split
 * (split.c). No finding in a header. */
#ifndef TREE_H
#define TREE_H

#include <nda.h>

double tree_sum(nda_array *a, int depth);
double tree_sum_split(nda_array *a, int depth);

#endif
