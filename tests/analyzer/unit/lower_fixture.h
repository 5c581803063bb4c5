/* Lowers a C snippet (written to a temporary file) with the real front end. */
#ifndef LOWER_FIXTURE_H
#define LOWER_FIXTURE_H

#include "frontend.h"

vc_unit *lower_source(const char *source);
vc_function *find_function(vc_unit *u, const char *name);
/* Counts instructions of a kind in the function. */
int count_instrs(const vc_function *f, vc_instr_kind kind);
/* The first call to `callee`, or NULL. */
const vc_instr *find_call(const vc_function *f, const char *callee);
/* Is block `to` reachable from `from` in the CFG? */
bool reaches(const vc_function *f, int from, int to);
int block_of_call(const vc_function *f, const char *callee);

#endif
