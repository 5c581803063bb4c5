/* The libclang front end: parses a translation unit and lowers every function defined in its
 * main file into the IR. */
#ifndef VC_FRONTEND_H
#define VC_FRONTEND_H

#include "unit.h"

typedef struct {
    const char *file;        /* the source file */
    const char *directory;   /* working directory of the compile command, or NULL */
    const char *const *args; /* compiler arguments (without the compiler and the file) */
    int nargs;
    const char *unsaved; /* the file's text as an editor holds it, or NULL for the disk's */
    size_t unsaved_length;
} vc_compile_job;

/* Parses and lowers; on failure, the returned unit has `error` set (a message naming the file). */
vc_unit *frontend_lower(void *cx_index, const vc_compile_job *job);

#endif
