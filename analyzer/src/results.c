#include "results.h"

#include "util.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

char *results_default_path(const char *db_option, const char *database_dir)
{
    if (db_option)
        return xstrdup(db_option);
    return xasprintf("%s/.viewcheck/results.db", database_dir ? database_dir : ".");
}

static bool make_parent_dir(const char *path)
{
    char *dir = xstrdup(path);
    char *slash = strrchr(dir, '/');
    bool ok = true;
    if (slash && slash != dir) {
        *slash = '\0';
        struct stat st;
        ok = stat(dir, &st) == 0 || (mkdir(dir, 0777) == 0 || errno == EEXIST);
    }
    free(dir);
    return ok;
}

vc_store *results_open(const char *path)
{
    char err[1024];
    if (!make_parent_dir(path)) {
        fprintf(stderr, "viewcheck: error: %s: cannot create its directory: %s\n", path,
                strerror(errno));
        return NULL;
    }
    vc_store *s = store_open(path, true, err, sizeof err);
    if (!s)
        fprintf(stderr, "viewcheck: error: %s\n", err);
    return s;
}

static void keep_summary(void *ctx, int def, int ndefs, const vc_unit *u, const vc_function *f,
                         const vc_model *m)
{
    char *hash = ir_hash(f);
    const char *file = f->loc.file < (uint32_t)u->nfiles ? u->files[f->loc.file].path : NULL;
    store_put_summary(ctx, def, ndefs, f->usr, f->name, file, hash, m);
    free(hash);
}

void results_collect_summaries(vc_store *store, vc_config *cfg)
{
    cfg->on_summary = keep_summary;
    cfg->on_summary_ctx = store;
}
