/* The command line of cli.md. */
#ifndef VC_OPTIONS_H
#define VC_OPTIONS_H

#include <stdbool.h>

typedef enum { FORMAT_TEXT, FORMAT_JSON, FORMAT_SARIF } vc_format;
typedef enum { FAIL_ON_ERROR, FAIL_ON_WARNING, FAIL_ON_NONE } vc_fail_on;

typedef struct {
    const char *compdb_dir; /* -p */
    vc_format format;
    const char *output;   /* -o */
    const char *html_dir; /* --html */
    const char *db;       /* --db */
    const char *baseline;
    bool no_cache;
    vc_fail_on fail_on;
    bool fail_on_given;
    const char *checks;
    const char **models;
    int nmodels;
    int jobs;
    int shard, shards;          /* --shard K/N, 0/0: all */
    unsigned timeout;           /* seconds per file */
    unsigned long memory_limit; /* MiB per worker, 0: none */
    bool quiet, verbose;
    bool dump_ir;
    bool report_unused_suppressions;
    bool unknown_calls_write;
    char **paths; /* FILE|DIR arguments */
    int npaths;
    char **compiler_args; /* after -- */
    int ncompiler_args;
    bool adhoc; /* `--` was given */
} vc_options;

/* Parses argv (after the program name). Returns false with a message on stderr (exit 2). */
bool options_parse(int argc, char **argv, vc_options *o);
void options_free(vc_options *o);
/* clang-tidy's check syntax: "VC001,VC002", "*,-VC004". */
bool options_check_enabled(const char *checks, const char *id);
void options_usage(void);
bool options_parse_fail_on(const char *v, vc_fail_on *f);

#endif
