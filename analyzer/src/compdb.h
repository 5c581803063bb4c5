/* Compile databases (compile_commands.json through libclang's API) and ad-hoc commands, turned
 * into jobs with the arguments libclang should see. */
#ifndef VC_COMPDB_H
#define VC_COMPDB_H

#include "frontend.h"

typedef struct {
    char *file, *directory;
    char **args;
    int nargs;
} vc_job;

typedef struct {
    vc_job *items;
    int n, cap;
    char *database_dir; /* where compile_commands.json was found, or NULL (ad hoc) */
} vc_jobs;

/* Finds compile_commands.json in ., build/, then the parents of the current directory. */
char *compdb_discover(void);
/* Loads DIR/compile_commands.json. Returns false and a message (naming the file) on error. */
bool compdb_load(const char *dir, vc_jobs *jobs, char *err, int errlen, bool quiet);
void compdb_add_adhoc(vc_jobs *jobs, const char *file, char *const *args, int nargs, bool quiet);
/* Keeps only jobs whose file is one of `paths` (files, or directories containing them). */
void compdb_narrow(vc_jobs *jobs, char *const *paths, int npaths);
/* Drops arguments that would load code into the analyzer; prints a note for each. */
int compdb_filter_args(char **args, int nargs, const char *file, bool quiet);
/* Keeps the jobs for which keep() says so. */
void compdb_filter(vc_jobs *jobs, bool (*keep)(const vc_job *job, void *ctx), void *ctx);
void compdb_free(vc_jobs *jobs);

#endif
