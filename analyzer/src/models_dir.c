#include "models_dir.h"

#include "util.h"

#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static bool load_dir(vc_model_set *set, DIR *d, const char *dir, char *err, int errlen)
{
    struct dirent *e;
    char **names = NULL;
    int n = 0, cap = 0;
    while ((e = readdir(d))) {
        size_t len = strlen(e->d_name);
        if (len > 5 && strcmp(e->d_name + len - 5, ".yaml") == 0) {
            GROW(names, n, cap);
            names[n++] = xasprintf("%s/%s", dir, e->d_name);
        }
    }
    closedir(d);
    bool ok = true;
    for (int i = 0; i < n; i++) {
        ok = ok && model_set_load_yaml(set, names[i], err, errlen);
        free(names[i]);
    }
    free(names);
    return ok;
}

bool models_load_default(vc_model_set *set, char *err, int errlen)
{
    const char *chosen = getenv("VIEWCHECK_MODELS_DIR");
    if (chosen) {
        DIR *d = opendir(chosen);
        if (!d) {
            snprintf(err, (size_t)errlen, "%s: VIEWCHECK_MODELS_DIR names no readable directory",
                     chosen);
            return false;
        }
        return load_dir(set, d, chosen, err, errlen);
    }
    const char *candidates[] = {VIEWCHECK_MODELS_DIR, VIEWCHECK_SOURCE_MODELS_DIR};
    for (size_t i = 0; i < sizeof candidates / sizeof *candidates; i++) {
        DIR *d = opendir(candidates[i]);
        if (d)
            return load_dir(set, d, candidates[i], err, errlen);
    }
    static bool warned;
    if (!warned)
        fprintf(stderr,
                "viewcheck: warning: no model directory (%s or %s; set VIEWCHECK_MODELS_DIR): "
                "C library and GSL functions are not modelled\n",
                candidates[0], candidates[1]);
    warned = true;
    return true;
}
