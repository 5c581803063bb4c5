/* One analyzed translation unit: its files, its functions (lowered bodies and the declarations
 * of callees), and the models its headers declare through annotations. */
#ifndef VC_UNIT_H
#define VC_UNIT_H

#include "ir.h"
#include "models.h"
#include "strmap.h"

typedef struct {
    char *path;
    char **lines; /* source lines, for suppression comments and reports (may be NULL) */
    int nlines;
} vc_file;

typedef struct {
    char *main_file;
    vc_file *files;
    int nfiles, files_cap;
    vc_function **functions;
    int nfunctions, functions_cap;
    strmap function_index;  /* USR -> index */
    vc_model_set *declared; /* models from annotations and restrict qualifiers, by name */
    char *error;            /* set when the unit could not be analyzed */
    /* functions whose address is taken (candidates of calls through pointers), by USR, with the
     * struct member they are stored in when that is where the address goes (else NULL) */
    char **address_taken, **address_taken_types, **address_taken_fields;
    int naddress_taken, address_taken_cap;
    /* every file the unit read (the source and its headers) with the hash of its contents: the
     * unit is valid as long as they are unchanged */
    char **deps, **dep_hashes;
    int ndeps, deps_cap;
    char *inputs; /* what the unit was lowered from (its cache key and deps' hashes), or NULL */
} vc_unit;

vc_unit *unit_new(const char *main_file);
void unit_free(vc_unit *u);
int unit_file(vc_unit *u, const char *path);
void unit_set_file_text(vc_unit *u, int file, const char *text, size_t len);
int unit_function(vc_unit *u, const char *name, const char *usr);
void unit_address_taken(vc_unit *u, const char *usr, const char *type, const char *field);
void unit_add_dep(vc_unit *u, const char *path, const char *hash);
/* Sets u->inputs from the job's cache key and the hashes of every file the unit read. */
void unit_set_inputs(vc_unit *u, const char *cache_key);

#endif
