/* .viewcheck.yaml, found up the tree from each analyzed file:
 *
 *   checks: "*,-VC005"          # as --checks
 *   fail-on: error              # as --fail-on
 *   models: [models/mylib.yaml] # added to --model; relative to this file
 *   exclude: [third_party/, "gen/x.c"]  # skipped before analysis (globs); relative to it
 *
 * Command-line flags win over the file. */
#ifndef VC_CONFIG_H
#define VC_CONFIG_H

#include <stdbool.h>

typedef struct {
    char *path; /* the .viewcheck.yaml */
    char *dir;  /* its directory */
    char *checks, *fail_on;
    char **models, **exclude;
    int nmodels, nexclude;
} vc_project_config;

typedef struct vc_configs vc_configs;

vc_configs *configs_new(void);
void configs_free(vc_configs *c);
/* The configuration that applies to `file` (or to the directory `file`; NULL when none); false with
 * a message in err when a configuration file on the way is malformed. */
bool configs_for(vc_configs *c, const char *file, const vc_project_config **out, char *err,
                 int errlen);
/* Is `file` excluded by its configuration? */
bool config_excludes(const vc_project_config *cfg, const char *file);

#endif
